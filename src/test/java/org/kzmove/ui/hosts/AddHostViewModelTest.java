package org.kzmove.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kzmove.console.ConsoleHost;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.profile.HostProfile;
import org.kzmove.ui.common.SameThreadTaskExecutor;
import org.kzmove.ui.hosts.AddHostViewModel.Authentication;
import org.kzmove.ui.hosts.AddHostViewModel.TestOutcome;

class AddHostViewModelTest {
    private final SameThreadTaskExecutor executor = SameThreadTaskExecutor.deferred();
    private final FakeSavedHosts saved = new FakeSavedHosts();
    private final List<ConsoleHost> listed = new ArrayList<>();
    private final AddHostViewModel model = new AddHostViewModel(saved, executor, Set.of("sol01", "Demo host")::contains,
            listed::add);

    private void fillValid() {
        model.nameProperty().set("sol02");
        model.addressProperty().set("sol02.example.com");
        model.userProperty().set("ann");
        model.keyFileProperty().set("/home/ann/.ssh/id_ed25519");
    }

    @Test
    void aFreshDialogAsksForTheRequiredFieldsAndCannotSave() {
        assertThat(model.portProperty().get()).isEqualTo("22");
        assertThat(model.privilegeProperty().get()).isEqualTo(Privilege.PFEXEC);
        assertThat(model.nameErrorBinding().get()).isEqualTo("Required.");
        assertThat(model.addressErrorBinding().get()).isEqualTo("Required.");
        assertThat(model.userErrorBinding().get()).isEqualTo("Required.");
        assertThat(model.keyFileErrorBinding().get()).isEqualTo("Required.");
        assertThat(model.portErrorBinding().get()).isEmpty();
        assertThat(model.canSaveBinding().get()).isFalse();
        assertThat(model.canTestBinding().get()).isFalse();
    }

    @Test
    void validFieldsEnableSaveAndTest() {
        fillValid();

        assertThat(List.of(model.nameErrorBinding(), model.addressErrorBinding(), model.portErrorBinding(),
                model.userErrorBinding(), model.keyFileErrorBinding())).allSatisfy(e -> assertThat(e.get()).isEmpty());
        assertThat(model.canSaveBinding().get()).isTrue();
        assertThat(model.canTestBinding().get()).isTrue();
        assertThat(model.profile()).contains(new HostProfile("sol02", "sol02.example.com", 22, "ann",
                "/home/ann/.ssh/id_ed25519", Privilege.PFEXEC));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0      | port '0': must be between 1 and 65535 (SSH uses 22)
            65536  | port '65536': must be between 1 and 65535 (SSH uses 22)
            22x    | port '22x': must be a number between 1 and 65535 (SSH uses 22)
            ''     | Required.
            """)
    void aBadPortIsExplainedAndBlocksSave(String port, String message) {
        fillValid();
        model.portProperty().set(port);

        assertThat(model.portErrorBinding().get()).isEqualTo(message);
        assertThat(model.canSaveBinding().get()).isFalse();
        assertThat(model.profile()).isEmpty();
    }

    @Test
    void badNameAddressAndUserAreExplainedNextToTheirFields() {
        fillValid();
        model.nameProperty().set("my host");
        model.addressProperty().set("300.1.1.1");
        model.userProperty().set("9ann");

        assertThat(model.nameErrorBinding().get()).startsWith("host profile name 'my host': must start with a letter");
        assertThat(model.addressErrorBinding().get()).isEqualTo("host address '300.1.1.1': is not a valid IPv4 address");
        assertThat(model.userErrorBinding().get()).startsWith("user name '9ann': must start with a letter or '_'");
        assertThat(model.canSaveBinding().get()).isFalse();
    }

    @Test
    void aNameAlreadyListedIsRefused() {
        fillValid();
        model.nameProperty().set("sol01");

        assertThat(model.nameErrorBinding().get()).isEqualTo(
                "host name 'sol01': is already in the hosts list; choose another name");
        assertThat(model.canSaveBinding().get()).isFalse();
    }

    @Test
    void aPasswordLoginNeedsNoKeyFileAndSavesNone() {
        fillValid();
        model.keyFileProperty().set("");
        assertThat(model.canSaveBinding().get()).isFalse();

        model.authenticationProperty().set(Authentication.PASSWORD);

        assertThat(model.keyFileErrorBinding().get()).isEmpty();
        assertThat(model.profile()).get().extracting(HostProfile::keyFile).isNull();
    }

    @Test
    void testConnectionRunsInTheBackgroundAndShowsTheHost() {
        fillValid();

        model.testConnection();

        assertThat(model.testOutcomeProperty().get()).isEqualTo(TestOutcome.RUNNING);
        assertThat(model.testResultProperty().get()).startsWith("Connecting to ");
        assertThat(model.canTestBinding().get()).isFalse();
        assertThat(model.canSaveBinding().get()).isFalse();
        executor.runPending();
        assertThat(model.testOutcomeProperty().get()).isEqualTo(TestOutcome.SUCCEEDED);
        assertThat(model.testResultProperty().get()).isEqualTo("Connected: Solaris 11.4 SRU 48, 2 zones");
        assertThat(saved.profiles()).as("testing saves nothing").isEmpty();
    }

    @Test
    void aFailedTestShowsWhyAndClosesItsConnection() {
        saved.failConnecting(new RemoteException(RemoteException.Reason.AUTHENTICATION, "ann@sol02",
                "The host refused the credentials of user 'ann'."));
        fillValid();

        model.testConnection();
        executor.runPending();

        assertThat(model.testOutcomeProperty().get()).isEqualTo(TestOutcome.FAILED);
        assertThat(model.testResultProperty().get()).isEqualTo("Failed: The host refused the credentials of user 'ann'.");
        assertThat(saved.opened()).singleElement().satisfies(h -> assertThat(h.closed()).isTrue());
        assertThat(model.canSaveBinding().get()).as("an unreachable host may still be saved").isTrue();
    }

    @Test
    void changingAFieldClearsTheStaleTestResult() {
        fillValid();
        model.testConnection();
        executor.runPending();

        model.portProperty().set("2222");

        assertThat(model.testOutcomeProperty().get()).isEqualTo(TestOutcome.NONE);
        assertThat(model.testResultProperty().get()).isEmpty();
    }

    @Test
    void saveWritesTheProfileInTheBackgroundThenListsTheTestedHost() {
        fillValid();
        model.testConnection();
        executor.runPending();

        model.save();
        assertThat(model.savingProperty().get()).isTrue();
        assertThat(listed).isEmpty();
        executor.runPending();

        assertThat(saved.profiles()).extracting(HostProfile::name).containsExactly("sol02");
        assertThat(listed).as("the tested connection is reused: no second password question")
                .containsExactly(saved.opened().get(0));
        assertThat(saved.opened().get(0).closed()).isFalse();
        assertThat(model.doneProperty().get()).isTrue();
    }

    @Test
    void saveAfterChangingTheTestedSettingsListsAFreshHost() {
        fillValid();
        model.testConnection();
        executor.runPending();
        model.privilegeProperty().set(Privilege.SUDO);

        model.save();
        executor.runPending();

        assertThat(saved.opened()).hasSize(2);
        assertThat(saved.opened().get(0).closed()).isTrue();
        assertThat(listed).containsExactly(saved.opened().get(1));
        assertThat(saved.profiles()).singleElement().extracting(HostProfile::privilege).isEqualTo(Privilege.SUDO);
    }

    @Test
    void aFailedSaveIsShownInTheDialogAndListsNothing() {
        saved.failSaving(new IOException("/home/ann/.config/kzmove/hosts.json: Permission denied"));
        fillValid();

        model.save();
        executor.runPending();

        assertThat(model.saveErrorProperty().get()).isEqualTo(
                "Not saved: /home/ann/.config/kzmove/hosts.json: Permission denied");
        assertThat(listed).isEmpty();
        assertThat(model.doneProperty().get()).isFalse();
        assertThat(model.canSaveBinding().get()).isTrue();
    }

    @Test
    void cancelClosesTheTestedConnection() {
        fillValid();
        model.testConnection();
        executor.runPending();

        model.cancel();
        executor.runPending();

        assertThat(saved.opened().get(0).closed()).isTrue();
        assertThat(model.doneProperty().get()).isTrue();
        assertThat(listed).isEmpty();
    }

    @Test
    void thePrivilegeChoiceIsExplainedInWords() {
        assertThat(model.privilegeExplanationBinding().get()).contains("pfexec zoneadm", "Zone Management");

        model.privilegeProperty().set(Privilege.SUDO);

        assertThat(model.privilegeExplanationBinding().get()).contains("sudo -n zoneadm");
        assertThat(model.profile()).isEmpty();
    }

    @Test
    void aKeyFileUnderTheHomeDirectoryIsSavedAsAnAbsolutePath() {
        fillValid();
        model.keyFileProperty().set("~/.ssh/id_ed25519");

        assertThat(model.profile()).get().extracting(HostProfile::keyFile)
                .isEqualTo(System.getProperty("user.home") + "/.ssh/id_ed25519");
    }
}
