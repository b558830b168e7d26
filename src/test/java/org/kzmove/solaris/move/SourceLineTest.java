package org.kzmove.solaris.move;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceLineTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "2022-07-18T00:30:54Z   c1d2:"                 | "  c1d2:"                  | 2022-07-18T00:30:54Z
            "2022-07-18T00:30:54.123Z Attaching new disks." | Attaching new disks.      | 2022-07-18T00:30:54.123Z
            "2022-07-18T00:30:54+02:00 Attaching new disks."| Attaching new disks.      | 2022-07-18T00:30:54+02:00
            "2022-07-18 00:30:54 Attaching new disks."      | Attaching new disks.      | 2022-07-18 00:30:54
            "2022-07-18 00:30:54,042 Attaching new disks."  | Attaching new disks.      | 2022-07-18 00:30:54,042
            "[2022-07-18T00:30:54.123Z]   OK"               | "  OK"                    | 2022-07-18T00:30:54.123Z
            "[Jul 18 00:30:54] Attaching new disks."        | Attaching new disks.      | Jul 18 00:30:54
            "Jul 18 00:30:54 Attaching new disks."          | Attaching new disks.      | Jul 18 00:30:54
            "Jul  8 00:30:54   OK"                          | "  OK"                    | Jul  8 00:30:54
            """)
    void stripsOneTimestampAndOneSeparatorKeepingTheIndentation(String raw, String text, String timestamp) {
        SourceLine line = SourceLine.of(1, raw);
        assertThat(line.text()).isEqualTo(text);
        assertThat(line.timestamp()).isEqualTo(timestamp);
        assertThat(line.raw()).isEqualTo(raw);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "  455M resilvered at 39M/s, 5.58% done, 1m35s to go"
            "20220718T003054Z is not an ISO timestamp with dashes"
            "2022-07-18T00:30 has no seconds"
            "[not a timestamp] text"
            "July 18 00:30:54 text"
            "2022-07-18T00:30:54Zglued"
            """)
    void leavesLinesWithoutALeadingTimestampAlone(String raw) {
        SourceLine line = SourceLine.of(7, raw);
        assertThat(line.text()).isEqualTo(raw);
        assertThat(line.timestamp()).isNull();
        assertThat(line.number()).isEqualTo(7);
    }

    @Test
    void stripsCarriageReturns() {
        assertThat(SourceLine.of(1, "  OK\r").text()).isEqualTo("  OK");
        assertThat(SourceLine.of(1, "Clean-up successful.\r\n").text()).isEqualTo("Clean-up successful.");
    }

    @Test
    void stripsTheEchoedInterruptAfterTheTimestamp() {
        SourceLine line = SourceLine.of(3, "2022-07-18T00:33:01Z ^CSignal SIGINT caught.\r");
        assertThat(line.text()).isEqualTo("Signal SIGINT caught.");
        assertThat(line.interruptEchoed()).isTrue();
        assertThat(line.timestamp()).isEqualTo("2022-07-18T00:33:01Z");
        assertThat(SourceLine.of(1, "\u0003Signal SIGINT caught.").text()).isEqualTo("Signal SIGINT caught.");
        assertThat(SourceLine.of(1, "Signal SIGINT caught.").interruptEchoed()).isFalse();
    }

    @Test
    void toleratesNullAndEmptyLines() {
        assertThat(SourceLine.of(1, null).text()).isEmpty();
        assertThat(SourceLine.of(1, "").text()).isEmpty();
        assertThat(SourceLine.of(1, "2022-07-18T00:30:54Z").text()).isEmpty();
    }
}
