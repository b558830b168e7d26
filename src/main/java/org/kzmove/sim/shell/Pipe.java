package org.kzmove.sim.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

import org.kzmove.sim.command.BrokenPipeException;

/**
 * A bounded byte pipe between two simulated processes ({@code a | b}). Unlike
 * {@code PipedInputStream} it is not tied to the threads that used it, and it has the two ends
 * of a real pipe: the reader sees end of file once the writer has closed, the writer gets
 * {@link BrokenPipeException} (SIGPIPE) once the reader has gone, as {@code ... | head -1} needs.
 */
public final class Pipe {
    private static final int CAPACITY = 64 * 1024;

    private final byte[] buffer = new byte[CAPACITY];
    private int head;
    private int count;
    private boolean writerClosed;
    private boolean readerClosed;

    private final InputStream source = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return Pipe.this.read(b, off, len);
        }

        @Override
        public void close() {
            closeReader();
        }
    };

    private final OutputStream sink = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Pipe.this.write(b, off, len);
        }

        @Override
        public void close() {
            closeWriter();
        }
    };

    public InputStream source() {
        return source;
    }

    public OutputStream sink() {
        return sink;
    }

    private synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (count == 0) {
            if (writerClosed || readerClosed) {
                return -1;
            }
            waitInterruptibly();
        }
        int n = Math.min(len, count);
        for (int i = 0; i < n; i++) {
            b[off + i] = buffer[(head + i) % CAPACITY];
        }
        head = (head + n) % CAPACITY;
        count -= n;
        notifyAll();
        return n;
    }

    private synchronized void write(byte[] b, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            if (readerClosed) {
                throw new BrokenPipeException("Broken pipe");
            }
            if (writerClosed) {
                throw new IOException("pipe closed");
            }
            if (count == CAPACITY) {
                waitInterruptibly();
                continue;
            }
            int n = Math.min(len - done, CAPACITY - count);
            for (int i = 0; i < n; i++) {
                buffer[(head + count + i) % CAPACITY] = b[off + done + i];
            }
            count += n;
            done += n;
            notifyAll();
        }
    }

    private void waitInterruptibly() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            // a signal arrived: keep the flag so the command's next clock sleep sees it too
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted by a signal");
        }
    }

    private synchronized void closeReader() {
        readerClosed = true;
        notifyAll();
    }

    private synchronized void closeWriter() {
        writerClosed = true;
        notifyAll();
    }
}
