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
 * and tabs pass; every other control character is shown escaped. kzmove's own one control
 * character, the CR that redraws the progress bar, goes through {@link #carriageReturn}.
 *
 * <p>Works on characters, not bytes: what is printed is encoded as UTF-8 into a filter that decodes
 * it, escapes it and prints the result to the real stream in that stream's own charset. Escaping
 * bytes would miss C1 controls on a stream whose charset is ISO-8859-1, where U+009B is the single
 * byte 0x9B.
 */
final class SafePrintStream extends PrintStream {
    private final PrintStream target;

    private SafePrintStream(PrintStream target) {
        super(new Filter(target), true, StandardCharsets.UTF_8);
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
                HostText.appendEscaped(sb, chars.get(), true);
            }
            if (!sb.isEmpty()) {
                target.print(sb);
            }
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
