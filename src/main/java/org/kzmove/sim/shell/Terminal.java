package org.kzmove.sim.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;

import org.tinylog.Logger;

/**
 * The line discipline of a session's pseudo-terminal. MINA has none: Ctrl-C arrives as the raw
 * byte 0x03 (toolchain.md), so this class does what a Solaris pty would: a reader thread watches
 * every byte; 0x03 while a foreground job runs becomes SIGINT (through {@code onInterrupt}, which
 * also echoes {@code ^C}); everything else is queued for the line editor at the prompt or for the
 * foreground command's stdin, echoed, CR read as newline (icrnl), Ctrl-D as end of file.
 */
public final class Terminal {
    static final int INTR = 0x03;
    static final int EOT = 0x04;
    private static final int EOF = -1;

    private final InputStream channelIn;
    private final ChannelSink out;
    private final BlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    public Terminal(InputStream channelIn, ChannelSink out) {
        this.channelIn = channelIn;
        this.out = out;
    }

    /**
     * Starts the reader. {@code onInterrupt} is asked on each 0x03 and returns whether a foreground
     * job took it as SIGINT; when none did, the byte goes to the line editor (which echoes ^C and
     * starts a new prompt).
     */
    public void start(ExecutorService executor, BooleanSupplier onInterrupt) {
        executor.execute(() -> {
            try {
                int b;
                while ((b = channelIn.read()) >= 0) {
                    if (b == INTR && onInterrupt.getAsBoolean()) {
                        continue;
                    }
                    bytes.put(b);
                }
            } catch (IOException e) {
                Logger.debug("Terminal input ended: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                hangup();
            }
        });
    }

    /** The terminal is gone (channel closed): pending and future reads see end of file. */
    public void hangup() {
        ended = true;
        bytes.offer(EOF);
    }

    public ChannelSink output() {
        return out;
    }

    /**
     * The tty driver's echo of an interrupt (echoctl): {@code ^C} and no newline, so what the
     * interrupted program prints next continues the line, as in the real transcript
     * ({@code ^CSignal SIGINT caught.}).
     */
    public void echoInterrupt() {
        out.writeRaw("^C".getBytes(StandardCharsets.US_ASCII));
    }

    /** The result of {@link #readLine(String)}: a line, an interrupted line, or end of input. */
    public record Line(String text, boolean interrupted, boolean endOfInput) {
    }

    /**
     * Prints the prompt and edits one line: printable bytes echo, backspace (0x7f, 0x08) erases,
     * CR or LF ends the line, Ctrl-C abandons it, Ctrl-D on an empty line ends input, Ctrl-U
     * erases the line; escape sequences (arrow keys) are swallowed.
     */
    public Line readLine(String prompt) throws InterruptedException {
        out.writeRaw(prompt.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = bytes.take();
            if (b == EOF) {
                bytes.offer(EOF);
                return new Line(null, false, true);
            }
            switch (b) {
                case '\r', '\n' -> {
                    if (b == '\r') {
                        dropFollowingLf();
                    }
                    out.writeRaw(new byte[] {'\r', '\n'});
                    return new Line(line.toString(StandardCharsets.UTF_8), false, false);
                }
                case INTR -> {
                    // at the prompt the shell itself ends the abandoned line before prompting again
                    out.writeRaw("^C\r\n".getBytes(StandardCharsets.US_ASCII));
                    return new Line("", true, false);
                }
                case EOT -> {
                    if (line.size() == 0) {
                        out.writeRaw(new byte[] {'\r', '\n'});
                        return new Line(null, false, true);
                    }
                }
                case 0x7f, 0x08 -> eraseLastChar(line);
                case 0x15 -> {
                    while (line.size() > 0) {
                        eraseLastChar(line);
                    }
                }
                case 0x1b -> swallowEscapeSequence();
                default -> {
                    if (b >= 0x20 || b == '\t') {
                        line.write(b);
                        out.writeRaw(new byte[] {(byte) b});
                    }
                }
            }
        }
    }

    private void dropFollowingLf() {
        Integer next = bytes.peek();
        if (next != null && next == '\n') {
            bytes.poll();
        }
    }

    private void eraseLastChar(ByteArrayOutputStream line) {
        byte[] b = line.toByteArray();
        if (b.length == 0) {
            return;
        }
        int end = b.length - 1;
        // a UTF-8 character is one glyph on screen however many bytes it has
        while (end > 0 && (b[end] & 0xc0) == 0x80) {
            end--;
        }
        line.reset();
        line.write(b, 0, end);
        out.writeRaw(new byte[] {'\b', ' ', '\b'});
    }

    private void swallowEscapeSequence() throws InterruptedException {
        Integer next = bytes.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (next == null || next != '[' && next != 'O') {
            return;
        }
        while (true) {
            Integer c = bytes.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (c == null || c == EOF || (c >= 0x40 && c <= 0x7e)) {
                if (c != null && c == EOF) {
                    bytes.offer(EOF);
                }
                return;
            }
        }
    }

    /** The foreground command's stdin while the terminal is in cooked mode. */
    public InputStream stdin() {
        return new InputStream() {
            private boolean eof;

            @Override
            public int read() throws IOException {
                if (eof) {
                    return -1;
                }
                int b;
                try {
                    b = bytes.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted by a signal");
                }
                if (b == EOF) {
                    bytes.offer(EOF);
                    eof = true;
                    return -1;
                }
                if (b == EOT) {
                    return -1;
                }
                if (b == '\r') {
                    b = '\n';
                }
                if (b == INTR) {
                    // not taken as SIGINT (no foreground job had registered yet): drop it
                    return read();
                }
                out.writeRaw(b == '\n' ? new byte[] {'\r', '\n'} : new byte[] {(byte) b});
                return b;
            }
        };
    }

    public boolean isEnded() {
        return ended;
    }
}
