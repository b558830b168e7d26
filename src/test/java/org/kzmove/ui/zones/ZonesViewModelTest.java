package org.kzmove.ui.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.Test;
import org.kzmove.solaris.zone.ZoneState;
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

    /** The shown host, loaded with db01, web01, test01 and infra01. */
    private HostViewModel loadedHost() {
        HostViewModel h = host(new FakeHostSource("Demo host").answers(ZoneInventories.host())
                .answers(ZoneInventories.host()));
        zones.hostProperty().set(h);
        h.refresh();
        executor.runPending();
        return h;
    }

    private List<String> shownNames() {
        return zones.rows().stream().map(ZoneRow::name).toList();
    }

    private ZoneRow row(String name) {
        return zones.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void withoutAHostTheTableIsEmptyAndSaysSo() {
        assertThat(zones.rows()).isEmpty();
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

        assertThat(shownNames()).containsExactly("db01", "web01");
        assertThat(zones.countTextBinding().get()).isEqualTo("2 zones");
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
    void switchingHostsShowsTheNewHostsZonesAndStopsFollowingThePreviousOne() {
        HostViewModel first = host(new FakeHostSource("a").answers(FakeHostSource.twoZones()));
        HostViewModel second = host(new FakeHostSource("b"));
        zones.hostProperty().set(first);
        zones.hostProperty().set(second);

        first.refresh();
        executor.runPending();

        assertThat(zones.placeholderBinding().get()).isEqualTo("Not connected to b.");
        assertThat(zones.rows()).isEmpty();

        zones.hostProperty().set(first);
        assertThat(shownNames()).containsExactly("db01", "web01");
    }

    @Test
    void theTextFilterMatchesZoneNamesIgnoringCase() {
        loadedHost();

        zones.filterTextProperty().set("  WEB ");

        assertThat(shownNames()).containsExactly("web01");
        assertThat(zones.countTextBinding().get()).isEqualTo("1 of 4 zones");
    }

    @Test
    void theTextFilterMatchesTheStorageUrisOfBothConfigurations() {
        loadedHost();

        zones.filterTextProperty().set("5000cca01e6f");
        assertThat(shownNames()).as("db01's data disk").containsExactly("db01");

        zones.filterTextProperty().set("web01/disk1");
        assertThat(shownNames()).as("a disk only web01's live configuration has").containsExactly("web01");

        zones.filterTextProperty().set("zfssa01");
        assertThat(shownNames()).containsExactly("db01");
    }

    @Test
    void theStateFilterShowsOneStateAndCombinesWithTheText() {
        loadedHost();

        zones.stateFilterProperty().set(new ZoneStateFilter(ZoneState.INSTALLED));
        assertThat(shownNames()).containsExactly("test01");

        zones.stateFilterProperty().set(new ZoneStateFilter(ZoneState.RUNNING));
        assertThat(shownNames()).containsExactly("db01", "web01", "infra01");

        zones.filterTextProperty().set("01");
        zones.stateFilterProperty().set(ZoneStateFilter.ALL);
        assertThat(shownNames()).containsExactly("db01", "web01", "test01", "infra01");
    }

    @Test
    void theStateChoicesStartWithAllStatesAndOfferEveryState() {
        assertThat(zones.stateChoices()).first().isEqualTo(ZoneStateFilter.ALL);
        assertThat(zones.stateChoices()).extracting(ZoneStateFilter::label)
                .startsWith("All states", "configured")
                .contains("installed", "running", "shutting_down")
                .hasSize(ZoneState.values().length + 1);
    }

    @Test
    void whenTheFiltersHideEveryZoneTheEmptyTableSaysWhichFilter() {
        loadedHost();

        zones.filterTextProperty().set("nosuchzone");
        assertThat(zones.rows()).isEmpty();
        assertThat(zones.placeholderBinding().get()).isEqualTo("No zone matches “nosuchzone”.");

        zones.stateFilterProperty().set(new ZoneStateFilter(ZoneState.CONFIGURED));
        assertThat(zones.placeholderBinding().get()).isEqualTo("No configured zone matches “nosuchzone”.");

        zones.filterTextProperty().set("");
        assertThat(zones.placeholderBinding().get()).isEqualTo("No zone is configured.");

        zones.clearFilters();
        assertThat(zones.rows()).hasSize(4);
    }

    @Test
    void oneSelectedZoneIsTheSelectedZoneAndSeveralAreNone() {
        loadedHost();
        assertThat(zones.selectedZoneProperty().get()).isNull();

        zones.select(List.of(row("web01")));
        assertThat(zones.selectedZoneProperty().get().name()).isEqualTo("web01");
        assertThat(zones.selectedZoneProperty().get().inventory().configurationsDiffer()).isTrue();

        zones.select(List.of(row("web01"), row("db01")));
        assertThat(zones.selectedRows()).extracting(ZoneRow::name).containsExactly("web01", "db01");
        assertThat(zones.selectedZoneProperty().get()).as("several selected").isNull();

        zones.select(List.of());
        assertThat(zones.selectedRows()).isEmpty();
        assertThat(zones.selectedZoneProperty().get()).isNull();
    }

    @Test
    void aRowTheFilterHidesLeavesTheSelection() {
        loadedHost();
        zones.select(List.of(row("web01"), row("db01")));

        zones.filterTextProperty().set("db");

        assertThat(zones.selectedRows()).extracting(ZoneRow::name).containsExactly("db01");
        assertThat(zones.selectedZoneProperty().get().name()).isEqualTo("db01");
    }

    @Test
    void onlyShownRowsCanBeSelected() {
        loadedHost();
        ZoneRow web01 = row("web01");
        zones.filterTextProperty().set("db");

        zones.select(List.of(web01));

        assertThat(zones.selectedRows()).isEmpty();
    }

    @Test
    void aRefreshKeepsTheSelectedZoneByNameWithItsNewInventory() {
        HostViewModel h = loadedHost();
        zones.select(List.of(row("db01")));
        ZoneRow before = zones.selectedZoneProperty().get();

        h.refresh();
        executor.runPending();

        assertThat(zones.selectedZoneProperty().get().name()).isEqualTo("db01");
        assertThat(h.zones()).extracting(r -> r == zones.selectedZoneProperty().get()).contains(true);
        assertThat(zones.selectedZoneProperty().get()).isNotSameAs(before);
    }

    @Test
    void switchingHostsClearsTheSelection() {
        loadedHost();
        zones.select(List.of(row("db01")));

        zones.hostProperty().set(host(new FakeHostSource("other")));

        assertThat(zones.selectedRows()).isEmpty();
        assertThat(zones.selectedZoneProperty().get()).isNull();
    }

    @Test
    void theJobColumnShowsTheShownHostsLabelAndFollowsTheMap() {
        loadedHost();
        ObservableValue<String> db01Job = zones.jobLabelBinding(row("db01"));
        List<String> seen = new ArrayList<>();
        db01Job.addListener((obs, old, now) -> seen.add(now));
        assertThat(db01Job.getValue()).isEmpty();

        zones.jobLabels().put(new ZoneKey("Demo host", "db01"), "moving · 42 %");
        assertThat(db01Job.getValue()).isEqualTo("moving · 42 %");
        zones.jobLabels().put(new ZoneKey("Demo host", "db01"), "moving · 43 %");
        assertThat(db01Job.getValue()).isEqualTo("moving · 43 %");
        zones.jobLabels().put(new ZoneKey("another host", "web01"), "moving · 5 %");
        assertThat(zones.jobLabel(row("web01"))).as("a job on another host's web01").isEmpty();

        zones.jobLabels().remove(new ZoneKey("Demo host", "db01"));
        assertThat(db01Job.getValue()).isEmpty();
        assertThat(seen).containsExactly("moving · 42 %", "moving · 43 %", "");
    }

    @Test
    void theJobLabelFollowsTheShownHost() {
        loadedHost();
        ZoneRow web01 = row("web01");
        ObservableValue<String> web01Job = zones.jobLabelBinding(web01);
        zones.jobLabels().put(new ZoneKey("other", "web01"), "cancelling · rolling back");

        zones.hostProperty().set(host(new FakeHostSource("other")));

        assertThat(web01Job.getValue()).isEqualTo("cancelling · rolling back");
    }

    @Test
    void aZoneWhoseConfigurationsDifferSaysSoInTheTable() {
        loadedHost();

        assertThat(row("web01").problems()).isEqualTo("live and persistent configurations differ");
        assertThat(row("db01").problems()).isEmpty();
        assertThat(row("db01").rootPoolSize()).isEqualTo("200G");
        assertThat(row("db01").disks()).isEqualTo(3);
    }

    @Test
    void aRowMadeWithoutItsInventoryStillFiltersByNameAndState() {
        ZoneRow row = new ZoneRow("kz1", "installed", "solaris-kz", 1, "-", "-", "");

        assertThat(row.inventory()).isNull();
        assertThat(row.matches("KZ")).isTrue();
        assertThat(row.matches("dev:")).isFalse();
        assertThat(new ZoneStateFilter(ZoneState.INSTALLED).accepts(row)).isTrue();
        assertThat(new ZoneStateFilter(ZoneState.RUNNING).accepts(row)).isFalse();
    }
}
