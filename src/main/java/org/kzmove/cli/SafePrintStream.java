package org.kzmove.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.kzmove.solaris.text.HostText;

/**
 * The print funnel of the command line: everything a subcommand prints goes through
 * {@link HostText#forDisplay}, so host text (zone names, {@code uname -v}, zoneadm's lines and
 * stderr) can never drive the admin's terminal, whichever print call forgot to escape it. Newlines
 * and tabs pass, and so does a CR directly followed by LF (a line separator, println's on Windows);
 * every other control character is shown escaped. kzmove's own one control character, the CR that
 * redraws the progress bar, goes through {@link #carriageReturn}.
 *
 * <p>Works on characters, not bytes: what is printed is encoded as UTF-8 into a filter that decodes
 * it, escapes it and prints the result to the real stream in that stream's own charset. Escaping
 * bytes would miss C1 controls on a stream whose charset is ISO-8859-1, where U+009B is the single
 * byte 0x9B.
 */
final class SafePrintStream extends PrintStream {
    private final PrintStream target;

    private SafePrintStream(PrintStream target) {
        // No autoflush here: it would flush after every write, and a CR at the end of one write must wait
        // to see whether LF follows. Every write reaches the target at once; the target flushes as it did.
        super(new Filter(target), false, StandardCharsets.UTF_8);
        this.target = target;
    }

    /** Wraps a stream once; a stream already wrapped is returned as it is. */
    static PrintStream wrap(PrintStream stream) {
        return stream instanceof SafePrintStream ? stream : new SafePrintStream(stream);
    }

    /** Moves to the start of the line (to redraw it): the one raw control character kzmove sends itself. */
    static void carriageReturn(PrintStream out) {
        if (out instanceof SafePrintStream safe) {
            safe.flush();
            safe.target.print('\r');
            safe.target.flush();
        } else {
            out.print('\r');
        }
    }

    /** Decodes UTF-8 as it arrives (a character may be split across writes) and prints it escaped. */
    private static final class Filter extends OutputStream {
        private final PrintStream target;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private byte[] pending = new byte[0];
        private boolean heldCr;

        Filter(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ByteBuffer in = ByteBuffer.allocate(pending.length + len);
            in.put(pending).put(b, off, len).flip();
            CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, chars, false);
            pending = new byte[in.remaining()];
            in.get(pending);
            chars.flip();
            StringBuilder sb = new StringBuilder(chars.length() + 8);
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (heldCr) {
                    heldCr = false;
                    sb.append(c == '\n' ? "\r" : "\\x0d");
                }
                if (c == '\r') {
                    // CR then LF only ends a line (println's separator on Windows); any other CR could
                    // overwrite what is shown. Whether LF follows may only be known at the next write.
                    heldCr = true;
                } else {
                    HostText.appendEscaped(sb, c, true);
                }
            }
            if (!sb.isEmpty()) {
                target.print(sb);
            }
        }

        @Override
        public void flush() {
            if (heldCr) {
                heldCr = false;
                target.print("\\x0d");
            }
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
