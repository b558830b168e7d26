package org.kzmove.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.common.SameThreadTaskExecutor;

class HostsViewModelTest {
    private final SameThreadTaskExecutor executor = SameThreadTaskExecutor.deferred();

    @Test
    void theFirstHostIsSelectedAndTheStatusFollowsItsConnection() {
        HostsViewModel hosts = new HostsViewModel(
                List.of(new FakeHostSource("Demo host").answers(FakeHostSource.twoZones())), executor,
                new RecordingDialogService());

        assertThat(hosts.selectedProperty().get().nameProperty().get()).isEqualTo("Demo host");
        assertThat(hosts.statusBinding().get()).isEqualTo("Demo host (kzadmin@demo-host:22): not connected");
        hosts.refreshAll();
        assertThat(hosts.statusBinding().get()).endsWith(": connecting…");
        executor.runPending();
        assertThat(hosts.statusBinding().get()).isEqualTo("Demo host (kzadmin@demo-host:22): connected");
    }

    @Test
    void theStatusNamesTheProblemOfTheSelectedHost() {
        HostsViewModel hosts = new HostsViewModel(List.of(
                new FakeHostSource("a").answers(FakeHostSource.twoZones()),
                new FakeHostSource("b").fails(new IOException("connection refused"))), executor,
                new RecordingDialogService());

        hosts.refreshAll();
        executor.runPending();
        hosts.selectedProperty().set(hosts.hosts().get(1));

        assertThat(hosts.statusBinding().get()).isEqualTo("b (kzadmin@b:22): failed — connection refused");
    }

    @Test
    void refreshSelectedReadsOnlyTheSelectedHost() {
        FakeHostSource a = new FakeHostSource("a").answers(FakeHostSource.twoZones());
        FakeHostSource b = new FakeHostSource("b").answers(FakeHostSource.twoZones());
        HostsViewModel hosts = new HostsViewModel(List.of(a, b), executor, new RecordingDialogService());

        hosts.selectedProperty().set(hosts.hosts().get(1));
        hosts.refreshSelected();
        executor.runPending();

        assertThat(a.loads()).isZero();
        assertThat(b.loads()).isEqualTo(1);
    }
}
