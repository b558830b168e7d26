package org.kzmove.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kzmove.inventory.HostInventory;
import org.kzmove.inventory.ZoneInventory;
import org.kzmove.solaris.zone.Brand;
import org.kzmove.solaris.zone.Zone;
import org.kzmove.solaris.zone.ZoneState;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.common.SameThreadTaskExecutor;

/** Issue 10: what a compromised host prints reaches the console's labels and dialogs escaped. */
class HostileHostTextTest {
    static final String ATTACK = "\u001b]0;pwned\u0007\u001b[2J\u001b]52;c;cm0gLXJmIC8K\u0007\u009b2J\rok";
    static final String SHOWN = "\\e]0;pwned\\x07\\e[2J\\e]52;c;cm0gLXJmIC8K\\x07\\u009b2J\\x0dok";

    private final RecordingDialogService dialogs = new RecordingDialogService();

    static boolean drivesATerminal(String s) {
        return s.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f));
    }

    private static HostInventory hostile() {
        ZoneInventory db01 = new ZoneInventory(
                new Zone(null, "db01", ZoneState.INSTALLED, "/system/zones/db01", "u2", Brand.SOLARIS_KZ, "excl"),
                null, null, null, null, List.of("zonecfg export failed: " + ATTACK));
        return new HostInventory("h", null, "11.4" + ATTACK, List.of(db01), List.of("zpool list: " + ATTACK), 2);
    }

    @Test
    void hostProblemLabelAndZoneProblemsShowTheAttackEscaped() {
        HostViewModel host = new HostViewModel(new FakeHostSource("h1").answers(hostile()),
                SameThreadTaskExecutor.immediate(), dialogs);

        host.refresh();

        assertThat(host.problemProperty().get()).isEqualTo("zpool list: " + SHOWN);
        assertThat(host.zones().get(0).problems()).isEqualTo("zonecfg export failed: " + SHOWN);
    }

    @Test
    void aFailureQuotingTheHostsStderrIsEscapedInTheLabelAndTheDialog() {
        HostViewModel host = new HostViewModel(new FakeHostSource("h1").fails(new IOException("zoneadm: " + ATTACK)),
                SameThreadTaskExecutor.immediate(), dialogs);

        host.refresh();

        assertThat(host.problemProperty().get()).isEqualTo("zoneadm: " + SHOWN);
        assertThat(dialogs.errors()).hasSize(1);
        assertThat(drivesATerminal(dialogs.errors().get(0).message())).isFalse();
    }

    @Test
    void theAddHostSummaryQuotesAHostileUnameEscaped() {
        String summary = AddHostViewModel.describe(hostile());

        assertThat(summary).contains("uname -v printed '11.4" + SHOWN + "'");
        assertThat(drivesATerminal(summary)).isFalse();
    }
}
