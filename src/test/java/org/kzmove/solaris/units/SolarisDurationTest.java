package org.kzmove.solaris.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SolarisDurationTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            6s,     6
            56s,    56
            1m09s,  69
            1m35s,  95
            2m37s,  157
            2h05m,  7500
            1d14h,  136800
            0h5m,   300
            """)
    void parsesAndFormats(String text, long seconds) {
        assertThat(SolarisDuration.parseSeconds(text)).hasValue(seconds);
        if (!text.equals("0h5m")) {
            assertThat(SolarisDuration.format(seconds)).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "1x", "m5", "1m-5s", "5s1m", "soon", "1m1m", "1h2d", "15", "1m5", "99999999999999999999d"})
    void refusesWhatIsNotADuration(String text) {
        assertThat(SolarisDuration.parseSeconds(text)).isEmpty();
    }
}
