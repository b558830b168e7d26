package org.kzmove.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kzmove.inventory.HostInventory;
import org.kzmove.inventory.ZoneInventory;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.common.SameThreadTaskExecutor;
import org.kzmove.ui.hosts.FakeHostSource;
import org.kzmove.ui.hosts.HostViewModel;
import org.kzmove.ui.zones.ZoneRow;
import org.kzmove.solaris.zone.Brand;
import org.kzmove.solaris.zone.Zone;
import org.kzmove.solaris.zone.ZoneState;

class MoveActionViewModelTest {
    private final SameThreadTaskExecutor executor = SameThreadTaskExecutor.immediate();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final MoveActionViewModel action = new MoveActionViewModel(executor, dialogs, (h, r) -> { });

    private FakeHostSource source;

    private HostViewModel loadedHost() {
        HostInventory two = FakeHostSource.twoZones();
        List<ZoneInventory> zones = new ArrayList<>(two.zones());
        zones.add(new ZoneInventory(new Zone(4, "infra01", ZoneState.RUNNING, "/system/zones/infra01", "u3",
                Brand.SOLARIS, "excl"), null, null, null, null, List.of()));
        source = new FakeHostSource("h").answers(new HostInventory("h", two.release(), two.unameText(), zones,
                List.of(), 2));
        HostViewModel host = new HostViewModel(source, executor, dialogs);
        host.refresh();
        return host;
    }

    private static ZoneRow row(HostViewModel host, String zone) {
        return host.zones().stream().filter(z -> z.name().equals(zone)).findFirst().orElseThrow();
    }

    @Test
    void enabledOnlyForAKernelZoneOfAHostWithAnInventory() {
        assertThat(action.canMoveBinding().get()).isFalse();
        HostViewModel host = loadedHost();
        action.hostProperty().set(host);
        assertThat(action.canMoveBinding().get()).as("no zone selected").isFalse();

        action.zoneProperty().set(row(host, "infra01"));
        assertThat(action.canMoveBinding().get()).as("a solaris-branded zone has no kernel-zone storage").isFalse();
        assertThat(action.wizard()).isEmpty();

        action.zoneProperty().set(row(host, "web01"));
        assertThat(action.canMoveBinding().get()).isTrue();
        assertThat(action.wizard()).get().extracting(w -> w.current().zoneName()).isEqualTo("web01");
    }

    @Test
    void aHostNotYetReadOffersNoMove() {
        HostViewModel unread = new HostViewModel(new FakeHostSource("h"), executor, dialogs);
        action.hostProperty().set(unread);
        action.zoneProperty().set(ZoneRow.of(FakeHostSource.twoZones().zone("web01").orElseThrow()));

        assertThat(action.canMoveBinding().get()).isFalse();
    }

    @Test
    void theWizardsFreeStorageProbeUsesTheInventoryTheConsoleAlreadyHas() {
        HostViewModel host = loadedHost();
        action.hostProperty().set(host);
        action.zoneProperty().set(row(host, "web01"));

        assertThat(action.wizard()).isPresent();

        assertThat(source.freeStorageKnown()).as("no second inventory round trip for the free storage")
                .singleElement().isSameAs(host.inventory());
        assertThat(source.loads()).isEqualTo(1);
    }
}
