package org.kzmove.solaris.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.InvalidValueException;

class ZoneNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"lsm", "mykz", "kz-web.01", "a", "Z_9"})
    void acceptsSolarisZoneNames(String name) throws InvalidValueException {
        assertThat(ZoneName.validate(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-kz", ".kz", "kz;rm -rf /", "kz zone", "kz$(id)", "kz`id`", "kz'", "kz\"", "kz\n",
            "kz\u0000", "kz/..", "global", "SUNWfoo", "kz|cat", "kz&", "kz>x", "k\u00e9"})
    void refusesUnsafeOrReservedNames(String name) {
        assertThatThrownBy(() -> ZoneName.validate(name)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void messageSaysWhichCharacterIsWrongWithoutRawControlCharacters() {
        assertThatThrownBy(() -> ZoneName.validate("kz\nrm"))
                .hasMessage("zone name 'kz\\nrm': character '\\n' at position 3 is not allowed "
                        + "(only letters, digits, '-', '_' and '.')");
    }

    @Test
    void refusesOverlongNames() {
        assertThatThrownBy(() -> ZoneName.validate("k".repeat(64))).hasMessageContaining("at most 63");
    }

    @Test
    void messageShowsDirectionalOverridesAsCodePoints() {
        assertThatThrownBy(() -> ZoneName.validate("kz\u202Eexe"))
                .hasMessageContaining("U+202E").hasMessageNotContaining("\u202E");
    }
}
