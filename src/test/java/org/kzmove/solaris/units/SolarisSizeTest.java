package org.kzmove.solaris.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SolarisSizeTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            455M,   477102080
            1022M,  1071644672
            1.08G,  1159641170
            2G,     2147483648
            38.4M,  40265318
            8.07M,  8462008
            512,    512
            1K,     1024
            16g,    17179869184
            0.5T,   549755813888
            """)
    void parsesBinaryUnits(String text, long bytes) {
        assertThat(SolarisSize.parse(text)).hasValue(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "M", "1.2.3G", "12X", "-5M", "1e3", "abc", "1,5G", "99999999999999999999E", "5.G", ".", ".M", "1 G"})
    void refusesWhatIsNotASize(String text) {
        assertThat(SolarisSize.parse(text)).isEmpty();
    }

    @Test
    void nullIsNotASize() {
        assertThat(SolarisSize.parse(null)).isEmpty();
    }

    /** Every size and rate printed in the real transcripts must format back to itself. */
    @ParameterizedTest
    @ValueSource(strings = {"455M", "508M", "1022M", "1.08G", "1.13G", "1.3G", "1.5G", "2G", "2.1G", "5G",
            "5.38G", "39M", "38.4M", "42.2M", "33M", "8.07M", "31.6M", "55M", "115M", "91.6M", "35.3M"})
    void formatsTheWayZoneadmPrints(String printed) {
        long bytes = SolarisSize.parse(printed).orElseThrow();
        assertThat(SolarisSize.format(bytes)).isEqualTo(printed);
    }

    @Test
    void formatsSmallAndExactValues() {
        assertThat(SolarisSize.format(0)).isEqualTo("0");
        assertThat(SolarisSize.format(1023)).isEqualTo("1023");
        assertThat(SolarisSize.format(1024)).isEqualTo("1K");
        assertThat(SolarisSize.format(16L << 30)).isEqualTo("16G");
        assertThatThrownBy(() -> SolarisSize.format(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Solaris 11.0 zpool status keeps nicenum's trailing zeros; the 11.4 zoneadm lines drop them. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            1.30G, 1.3G
            38.4M, 38.4M
            5.38G, 5.38G
            10.1G, 10.1G
            2G,    2G
            1023,  1023
            """)
    void nicenumKeepsTrailingZerosWhereFormatDropsThem(String nicenum, String format) {
        long bytes = SolarisSize.parse(nicenum).orElseThrow();

        assertThat(SolarisSize.nicenum(bytes)).isEqualTo(nicenum);
        assertThat(SolarisSize.format(bytes)).isEqualTo(format);
    }
}
