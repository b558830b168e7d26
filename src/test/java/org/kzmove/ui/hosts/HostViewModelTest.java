package org.kzmove.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.common.SameThreadTaskExecutor;
import org.kzmove.ui.zones.ZoneRow;

class HostViewModelTest {
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Test
    void aNewHostIsNotConnectedAndKnowsNoZones() {
        HostViewModel host = new HostViewModel(new FakeHostSource("Demo host"), SameThreadTaskExecutor.immediate(), dialogs);

        assertThat(host.nameProperty().get()).isEqualTo("Demo host");
        assertThat(host.stateProperty().get()).isEqualTo(ConnectionState.NOT_CONNECTED);
        assertThat(host.zoneCountProperty().get()).isEqualTo(-1);
        assertThat(host.summaryBinding().get()).isEqualTo("not connected");
        assertThat(host.zones()).isEmpty();
    }

    @Test
    void refreshShowsConnectingUntilTheBackgroundWorkIsDone() {
        SameThreadTaskExecutor executor = SameThreadTaskExecutor.deferred();
        FakeHostSource source = new FakeHostSource("h1").answers(FakeHostSource.twoZones());
        HostViewModel host = new HostViewModel(source, executor, dialogs);

        host.refresh();

        assertThat(host.stateProperty().get()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(host.canRefreshBinding().get()).isFalse();
        assertThat(source.loads()).as("nothing ran on the calling (FX) thread").isZero();
        executor.runPending();
        assertThat(host.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(host.canRefreshBinding().get()).isTrue();
    }

    @Test
    void aSecondRefreshWhileConnectingStartsNoSecondLoad() {
        SameThreadTaskExecutor executor = SameThreadTaskExecutor.deferred();
        HostViewModel host = new HostViewModel(new FakeHostSource("h1").answers(FakeHostSource.twoZones()), executor,
                dialogs);

        host.refresh();
        host.refresh();

        assertThat(executor.pendingCount()).isEqualTo(1);
    }

    @Test
    void loadedInventoryGivesReleaseZoneCountAndRows() {
        HostViewModel host = new HostViewModel(new FakeHostSource("h1").answers(FakeHostSource.twoZones()),
                SameThreadTaskExecutor.immediate(), dialogs);

        host.refresh();

        assertThat(host.releaseProperty().get()).isEqualTo("Solaris 11.4 SRU 48");
        assertThat(host.zoneCountProperty().get()).isEqualTo(2);
        assertThat(host.summaryBinding().get()).isEqualTo("connected · Solaris 11.4 SRU 48 · 2 zones");
        assertThat(host.zones()).extracting(ZoneRow::name).containsExactly("db01", "web01");
        ZoneRow web01 = host.zones().get(1);
        assertThat(web01.state()).isEqualTo("running");
        assertThat(web01.brand()).isEqualTo("solaris-kz");
        assertThat(web01.disks()).isEqualTo(2);
        assertThat(web01.rootPoolSize()).isEqualTo("16G");
        assertThat(web01.rootPoolHealth()).isEqualTo("ONLINE");
        ZoneRow db01 = host.zones().get(0);
        assertThat(db01.disksText()).isEqualTo("-");
        assertThat(db01.rootPoolHealth()).isEqualTo("-");
        assertThat(db01.problems()).contains("permission denied");
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void failureMarksTheHostFailedKeepsTheReasonAndTellsTheUserOnce() {
        HostViewModel host = new HostViewModel(
                new FakeHostSource("h1").fails(new IOException("cannot start the Demo host: port in use")),
                SameThreadTaskExecutor.immediate(), dialogs);

        host.refresh();

        assertThat(host.stateProperty().get()).isEqualTo(ConnectionState.FAILED);
        assertThat(host.problemProperty().get()).isEqualTo("cannot start the Demo host: port in use");
        assertThat(dialogs.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Cannot read the zones of h1");
            assertThat(e.message()).isEqualTo("cannot start the Demo host: port in use");
        });
    }

    @Test
    void aRefreshAfterAFailureClearsTheProblem() {
        HostViewModel host = new HostViewModel(
                new FakeHostSource("h1").fails(new IOException("refused")).answers(FakeHostSource.twoZones()),
                SameThreadTaskExecutor.immediate(), dialogs);

        host.refresh();
        host.refresh();

        assertThat(host.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(host.problemProperty().get()).isEmpty();
        assertThat(host.zones()).hasSize(2);
    }

    @Test
    void aChangedHostKeyIsNamedInTheErrorTitleWithTheWholeExplanationBelow() {
        String why = "The host key of sol01 ([10.0.0.1]:22) has CHANGED: it now presents ssh-ed25519 SHA256:abc, "
                + "not the key recorded in /home/ann/.config/kzmove/known_hosts line 3.";
        HostViewModel host = new HostViewModel(new FakeHostSource("sol01").fails(new org.kzmove.remote.RemoteException(
                org.kzmove.remote.RemoteException.Reason.HOST_KEY_CHANGED, "ann@10.0.0.1", why)),
                SameThreadTaskExecutor.immediate(), dialogs);

        host.refresh();

        assertThat(dialogs.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Not connected to sol01: its host key has CHANGED");
            assertThat(e.message()).isEqualTo(why);
        });
        assertThat(host.stateProperty().get()).isEqualTo(ConnectionState.FAILED);
    }

    @Test
    void anUnreachableHostIsSaidToBeUnreachable() {
        HostViewModel host = new HostViewModel(new FakeHostSource("sol02").fails(new org.kzmove.remote.RemoteException(
                org.kzmove.remote.RemoteException.Reason.UNREACHABLE, "ann@sol02",
                "Cannot connect to 127.0.0.1 port 1 (Connection refused). Is the host up and sshd listening there?")),
                SameThreadTaskExecutor.immediate(), dialogs);

        host.refresh();

        assertThat(dialogs.errors()).singleElement().satisfies(e -> assertThat(e.title()).isEqualTo("Cannot reach sol02"));
    }

    @Test
    void aReadEndingAfterTheHostWasRemovedReportsNothing() {
        SameThreadTaskExecutor executor = SameThreadTaskExecutor.deferred();
        HostViewModel host = new HostViewModel(new FakeHostSource("sol01").fails(
                new IOException("The session to ann@sol01 is closed.")), executor, dialogs);
        host.refresh();

        host.retire();
        executor.runPending();

        assertThat(dialogs.errors()).isEmpty();
        assertThat(host.problemProperty().get()).isEmpty();
        assertThat(host.stateProperty().get()).isEqualTo(ConnectionState.NOT_CONNECTED);
        host.reinstate();
        assertThat(host.canRefreshBinding().get()).as("a failed removal leaves a usable entry").isTrue();
    }
}
