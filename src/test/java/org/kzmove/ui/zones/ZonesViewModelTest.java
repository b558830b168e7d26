package org.kzmove.ui.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.common.SameThreadTaskExecutor;
import org.kzmove.ui.hosts.FakeHostSource;
import org.kzmove.ui.hosts.HostViewModel;

class ZonesViewModelTest {
    private final SameThreadTaskExecutor executor = SameThreadTaskExecutor.deferred();
    private final ZonesViewModel zones = new ZonesViewModel();

    private HostViewModel host(FakeHostSource source) {
        return new HostViewModel(source, executor, new RecordingDialogService());
    }

    @Test
    void withoutAHostTheTableIsEmptyAndSaysSo() {
        assertThat(zones.rowsBinding().get()).isEmpty();
        assertThat(zones.placeholderBinding().get()).isEqualTo("Select a host to see its zones.");
    }

    @Test
    void theRowsAreTheShownHostsZonesAndFollowItsRefresh() {
        HostViewModel h = host(new FakeHostSource("Demo host").answers(FakeHostSource.twoZones()));
        zones.hostProperty().set(h);
        assertThat(zones.placeholderBinding().get()).isEqualTo("Not connected to Demo host.");

        h.refresh();
        assertThat(zones.placeholderBinding().get()).isEqualTo("Reading the zones of Demo host…");
        executor.runPending();

        assertThat(zones.rowsBinding().get()).extracting(ZoneRow::name).containsExactly("db01", "web01");
    }

    @Test
    void aFailedHostsReasonIsWhatTheEmptyTableSays() {
        HostViewModel h = host(new FakeHostSource("b").fails(new IOException("connection refused")));
        zones.hostProperty().set(h);

        h.refresh();
        executor.runPending();

        assertThat(zones.placeholderBinding().get()).isEqualTo("Could not read the zones of b: connection refused");
    }

    @Test
    void switchingHostsStopsFollowingThePreviousOne() {
        HostViewModel first = host(new FakeHostSource("a").answers(FakeHostSource.twoZones()));
        HostViewModel second = host(new FakeHostSource("b"));
        zones.hostProperty().set(first);
        zones.hostProperty().set(second);

        first.refresh();

        assertThat(zones.placeholderBinding().get()).isEqualTo("Not connected to b.");
        assertThat(zones.rowsBinding().get()).isSameAs(second.zones());
    }
}
