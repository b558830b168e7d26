package org.kzmove.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kzmove.solaris.zone.SolarisRelease;

class HostInventoryTest {

    static HostInventory host(String unameV) {
        return new HostInventory("h", SolarisRelease.parse(unameV).orElse(null), unameV, List.of(), List.of(), 2);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            11.4.42.111.0, Solaris 11.4 SRU 42 cannot move kernel-zone storage live
            11.3,          Solaris 11.3 cannot move kernel-zone storage live
            11.4,          Solaris 11.4 cannot move kernel-zone storage live
            junk,          cannot tell the Solaris release (uname -v printed 'junk')
            """)
    void oldOrUnknownReleaseCannotMove(String uname, String reason) {
        assertThat(host(uname).moveUnsupportedReason()).hasValueSatisfying(r -> assertThat(r).startsWith(reason));
    }

    @ParameterizedTest
    @CsvSource({"11.4.48.126.2", "11.4.81.193.1", "11.5"})
    void sru48AndLaterCanMove(String uname) {
        assertThat(host(uname).moveUnsupportedReason()).isEmpty();
    }
}
