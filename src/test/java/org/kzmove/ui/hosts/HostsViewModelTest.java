package org.kzmove.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.profile.HostProfile;
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

    private static HostProfile profile(String name) {
        return new HostProfile(name, name + ".example.com", 22, "ann", null, Privilege.PFEXEC);
    }

    private HostsViewModel withSaved(FakeSavedHosts saved, RecordingDialogService dialogs) {
        FakeHostSource demo = new FakeHostSource("Demo host").asDemo().answers(FakeHostSource.twoZones());
        return new HostsViewModel(List.of(demo), saved, executor, dialogs);
    }

    @Test
    void savedHostsAreReadInTheBackgroundListedAfterTheDemoHostAndConnected() {
        FakeSavedHosts saved = new FakeSavedHosts().with(profile("sol01"), profile("sol02"));
        HostsViewModel hosts = withSaved(saved, new RecordingDialogService());

        hosts.loadSavedHosts();
        assertThat(saved.loads()).as("nothing read on the caller's thread").isZero();
        assertThat(hosts.hosts()).hasSize(1);
        executor.runPending();

        assertThat(hosts.hosts()).extracting(h -> h.nameProperty().get()).containsExactly("Demo host", "sol01", "sol02");
        assertThat(hosts.hosts().subList(1, 3)).allSatisfy(
                h -> assertThat(h.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED));
        assertThat(hosts.selectedProperty().get().nameProperty().get()).isEqualTo("Demo host");
    }

    @Test
    void anUnreadableProfileFileIsReportedAndTheDemoHostStillWorks() {
        RecordingDialogService dialogs = new RecordingDialogService();
        FakeSavedHosts saved = new FakeSavedHosts().failLoading(
                new IOException("hosts.json is not a valid kzmove host list (Unexpected character); fix or remove it"));
        HostsViewModel hosts = withSaved(saved, dialogs);

        hosts.loadSavedHosts();
        hosts.refreshAll();
        executor.runPending();

        assertThat(dialogs.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Cannot read the saved hosts");
            assertThat(e.message()).startsWith("hosts.json is not a valid kzmove host list")
                    .endsWith("The Demo host and the hosts already listed still work.");
        });
        assertThat(hosts.hosts()).singleElement().satisfies(
                h -> assertThat(h.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED));
    }

    @Test
    void aSavedHostIsListedSelectedAndConnected() {
        FakeSavedHosts saved = new FakeSavedHosts();
        HostsViewModel hosts = withSaved(saved, new RecordingDialogService());
        AddHostViewModel add = hosts.newAddHost();
        add.nameProperty().set("sol03");
        add.addressProperty().set("10.0.0.3");
        add.userProperty().set("ann");
        add.authenticationProperty().set(AddHostViewModel.Authentication.PASSWORD);

        add.save();
        executor.runPending();

        assertThat(saved.profiles()).extracting(HostProfile::name).containsExactly("sol03");
        assertThat(hosts.hosts()).extracting(h -> h.nameProperty().get()).containsExactly("Demo host", "sol03");
        assertThat(hosts.selectedProperty().get().nameProperty().get()).isEqualTo("sol03");
        assertThat(hosts.selectedProperty().get().stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(hosts.newAddHost().nameProperty().get()).isEmpty();
    }

    @Test
    void theAddDialogRefusesTheNameOfAListedHost() {
        FakeSavedHosts saved = new FakeSavedHosts().with(profile("sol01"));
        HostsViewModel hosts = withSaved(saved, new RecordingDialogService());
        hosts.loadSavedHosts();
        executor.runPending();

        AddHostViewModel add = hosts.newAddHost();
        add.nameProperty().set("sol01");

        assertThat(add.nameErrorBinding().get()).contains("already in the hosts list");
    }

    @Test
    void removingAConfirmedSavedHostForgetsItsProfileAndClosesIt() {
        FakeSavedHosts saved = new FakeSavedHosts().with(profile("sol01"));
        RecordingDialogService dialogs = new RecordingDialogService().answerConfirmations(true);
        HostsViewModel hosts = withSaved(saved, dialogs);
        hosts.loadSavedHosts();
        executor.runPending();
        hosts.selectedProperty().set(hosts.hosts().get(1));
        assertThat(hosts.canRemoveBinding().get()).isTrue();

        hosts.removeSelected();
        assertThat(hosts.hosts()).as("the list changes once the profile is gone").hasSize(2);
        executor.runPending();

        assertThat(dialogs.confirmations()).singleElement().satisfies(c -> assertThat(c.title()).isEqualTo("Remove sol01?"));
        assertThat(saved.profiles()).isEmpty();
        assertThat(saved.opened().get(0).closed()).isTrue();
        assertThat(hosts.hosts()).extracting(h -> h.nameProperty().get()).containsExactly("Demo host");
        assertThat(hosts.selectedProperty().get().nameProperty().get()).isEqualTo("Demo host");
    }

    @Test
    void aRemovalNotConfirmedChangesNothing() {
        FakeSavedHosts saved = new FakeSavedHosts().with(profile("sol01"));
        RecordingDialogService dialogs = new RecordingDialogService().answerConfirmations(false);
        HostsViewModel hosts = withSaved(saved, dialogs);
        hosts.loadSavedHosts();
        executor.runPending();
        hosts.selectedProperty().set(hosts.hosts().get(1));

        hosts.removeSelected();
        executor.runPending();

        assertThat(saved.profiles()).hasSize(1);
        assertThat(hosts.hosts()).hasSize(2);
        assertThat(saved.opened().get(0).closed()).isFalse();
    }

    @Test
    void theDemoHostCannotBeRemoved() {
        RecordingDialogService dialogs = new RecordingDialogService().answerConfirmations(true);
        HostsViewModel hosts = withSaved(new FakeSavedHosts(), dialogs);

        assertThat(hosts.canRemoveBinding().get()).isFalse();
        hosts.removeSelected();
        executor.runPending();

        assertThat(dialogs.confirmations()).isEmpty();
        assertThat(hosts.hosts()).hasSize(1);
    }

    @Test
    void aRemovalThatCannotWriteTheProfileFileKeepsTheHostAndSaysWhy() {
        FakeSavedHosts saved = new FakeSavedHosts().with(profile("sol01"));
        RecordingDialogService dialogs = new RecordingDialogService().answerConfirmations(true);
        HostsViewModel hosts = withSaved(saved, dialogs);
        hosts.loadSavedHosts();
        executor.runPending();
        hosts.selectedProperty().set(hosts.hosts().get(1));
        saved.failRemoving(new IOException("hosts.json: Read-only file system"));

        hosts.removeSelected();
        executor.runPending();

        assertThat(hosts.hosts()).hasSize(2);
        assertThat(saved.opened().get(0).closed()).isFalse();
        assertThat(dialogs.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Cannot remove sol01");
            assertThat(e.message()).isEqualTo("hosts.json: Read-only file system");
        });
        assertThat(hosts.selectedProperty().get().stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(hosts.selectedProperty().get().canRefreshBinding().get()).isTrue();
    }
}
