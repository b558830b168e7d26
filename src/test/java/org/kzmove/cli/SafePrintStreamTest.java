package org.kzmove.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;

class SafePrintStreamTest {

    @Test
    void everyStreamOfACliIoIsTheFunnel() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliIo io = new CliIo(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8));

        io.out().println("zone web01\u001b]0;pwned\u0007 café 東京");
        io.err().printf("zoneadm: %s%n", "\u009b2J\rgone");

        assertThat(out.toString(UTF_8)).isEqualTo("zone web01\\e]0;pwned\\x07 café 東京\n");
        assertThat(err.toString(UTF_8)).isEqualTo("zoneadm: \\u009b2J\\x0dgone\n");
        assertThat(new CliIo(io.in(), io.out(), io.err()).out()).as("wrapped once").isSameAs(io.out());
    }

    @Test
    void c1IsCaughtAsACharacterEvenWhereItWouldBeOneByte() {
        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        PrintStream out = SafePrintStream.wrap(new PrintStream(latin1, true, ISO_8859_1));

        out.print("\u009b2J é");
        out.flush();

        assertThat(latin1.toByteArray()).doesNotContain((byte) 0x9b).contains((byte) 0xe9);
        assertThat(latin1.toString(ISO_8859_1)).isEqualTo("\\u009b2J é");
    }

    @Test
    void aCharacterSplitAcrossWritesSurvives() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = SafePrintStream.wrap(new PrintStream(bytes, true, UTF_8));
        byte[] tokyo = "東京\u001b".getBytes(UTF_8);

        for (byte b : tokyo) {
            out.write(b);
        }
        out.flush();

        assertThat(bytes.toString(UTF_8)).isEqualTo("東京\\e");
    }

    @Test
    void onlyKzmovesOwnCarriageReturnReachesTheTerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = SafePrintStream.wrap(new PrintStream(bytes, true, UTF_8));

        out.print("[###   ] resilver 10%");
        SafePrintStream.carriageReturn(out);
        out.print("[####  ] resilver\r 20%");
        out.flush();

        assertThat(bytes.toString(UTF_8)).isEqualTo("[###   ] resilver 10%\r[####  ] resilver\\x0d 20%");
    }

    @Test
    void crlfEndsALineButALoneCrIsShown() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = SafePrintStream.wrap(new PrintStream(bytes, true, UTF_8));

        out.print("windows line\r\n");
        out.print("split\r"); // no LF in it: not flushed, the CR waits for the next write
        out.print("\nlone\rover\r");
        out.flush();

        assertThat(bytes.toString(UTF_8)).isEqualTo("windows line\r\nsplit\r\nlone\\x0dover\\x0d");
    }

    @Test
    void logWarningsOnStderrGoThroughTheFunnelToo() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, UTF_8));
            Main.guardStandardStreams();

            org.tinylog.Logger.warn("Cancel failed: {}", "zoneadm: \u001b]52;c;cm0gLXJmIC8K\u0007");
            System.err.flush();

            assertThat(captured.toString(UTF_8)).contains("Cancel failed: zoneadm: \\e]52;c;cm0gLXJmIC8K\\x07")
                    .doesNotContain("\u001b");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
