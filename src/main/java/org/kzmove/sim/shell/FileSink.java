package org.kzmove.sim.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import org.kzmove.sim.fs.SimFileException;
import org.kzmove.sim.fs.SimFileSystem;

/**
 * A redirection ({@code > file}, {@code >> file}) into the simulated file tree. Every write is
 * appended at once, so {@code tail -c +N} in another session sees output as it is produced.
 */
final class FileSink extends OutputStream {
    private final SimFileSystem files;
    private final String path;

    FileSink(SimFileSystem files, String path) {
        this.files = files;
        this.path = path;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            files.append(path, Arrays.copyOfRange(b, off, off + len));
        } catch (SimFileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
