package org.kzmove.ui.hosts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.kzmove.console.ConsoleHost;
import org.kzmove.inventory.HostInventory;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.profile.HostProfile;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.ui.common.TaskExecutor;
import org.kzmove.solaris.text.HostText;

/**
 * The add-host dialog: the fields of a host profile with a message per field, a background
 * "test connection" (host-key trust and password dialogs included), and Save, enabled only when
 * every field is valid. Nothing is saved or connected until the user asks.
 */
public final class AddHostViewModel {

    /** How the console logs in to the host. */
    public enum Authentication {
        /** A private key file (its passphrase, if any, is asked at connect time). */
        KEY_FILE,
        /** A password, asked at connect time and never saved. */
        PASSWORD
    }

    /** The outcome of the last connection test. */
    public enum TestOutcome { NONE, RUNNING, SUCCEEDED, FAILED }

    static final String REQUIRED = "Required.";

    private final SavedHosts saved;
    private final TaskExecutor executor;
    private final Predicate<String> nameTaken;
    private final Consumer<ConsoleHost> onSaved;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("22");
    private final StringProperty user = new SimpleStringProperty("");
    private final ObjectProperty<Authentication> authentication = new SimpleObjectProperty<>(Authentication.KEY_FILE);
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final ObjectProperty<Privilege> privilege = new SimpleObjectProperty<>(Privilege.PFEXEC);

    private final StringBinding privilegeExplanation =
            Bindings.createStringBinding(() -> explain(privilege.get()), privilege);
    private final StringBinding nameError;
    private final StringBinding addressError;
    private final StringBinding portError;
    private final StringBinding userError;
    private final StringBinding keyFileError;
    private final BooleanBinding valid;

    private final ObjectProperty<TestOutcome> testOutcome = new SimpleObjectProperty<>(TestOutcome.NONE);
    private final StringProperty testResult = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final StringProperty saveError = new SimpleStringProperty("");
    private final BooleanProperty done = new SimpleBooleanProperty();
    private final BooleanBinding canTest;
    private final BooleanBinding canSave;

    /** The host of the last successful test and the profile it was made from: Save reuses it as it is. */
    private ConsoleHost tested;
    private HostProfile testedProfile;

    /**
     * @param nameTaken tells whether a name is already listed (the hosts list's names)
     * @param onSaved   receives the saved profile's host, on the FX thread, to list and connect it
     */
    public AddHostViewModel(SavedHosts saved, TaskExecutor executor, Predicate<String> nameTaken,
            Consumer<ConsoleHost> onSaved) {
        this.saved = Objects.requireNonNull(saved);
        this.executor = Objects.requireNonNull(executor);
        this.nameTaken = Objects.requireNonNull(nameTaken);
        this.onSaved = Objects.requireNonNull(onSaved);
        nameError = error(this::checkName, name);
        addressError = error(() -> HostProfile.validateAddress(required(address.get())), address);
        portError = error(this::checkPort, port);
        userError = error(this::checkUser, user);
        keyFileError = error(this::checkKeyFile, keyFile, authentication);
        valid = Bindings.createBooleanBinding(
                () -> List.of(nameError, addressError, portError, userError, keyFileError).stream()
                        .allMatch(e -> e.get().isEmpty()),
                nameError, addressError, portError, userError, keyFileError);
        BooleanBinding busy = saving.or(testOutcome.isEqualTo(TestOutcome.RUNNING));
        canTest = valid.and(busy.not());
        canSave = valid.and(busy.not());
        // A test result speaks of the settings it was made with: any change makes it stale.
        for (ObservableValue<?> input : List.of(name, address, port, user, authentication, keyFile, privilege)) {
            input.addListener(o -> {
                if (testOutcome.get() != TestOutcome.RUNNING) {
                    testOutcome.set(TestOutcome.NONE);
                    testResult.set("");
                }
                saveError.set("");
            });
        }
    }

    /** Connects in the background with the entered settings and reads the host's zones. */
    public void testConnection() {
        Optional<HostProfile> profile = profile();
        if (!canTest.get() || profile.isEmpty()) {
            return;
        }
        closeTested();
        HostProfile p = profile.get();
        ConsoleHost host = saved.open(p);
        testOutcome.set(TestOutcome.RUNNING);
        testResult.set("Connecting to " + host.address() + "…");
        executor.submit(host::load, inventory -> {
            tested = host;
            testedProfile = p;
            testResult.set(describe(inventory));
            testOutcome.set(TestOutcome.SUCCEEDED);
        }, e -> {
            testResult.set("Failed: " + message(e));
            testOutcome.set(TestOutcome.FAILED);
            closeInBackground(host);
        });
    }

    /** Saves the profile in the background, then hands its host to the hosts list and closes the dialog. */
    public void save() {
        Optional<HostProfile> profile = profile();
        if (!canSave.get() || profile.isEmpty()) {
            return;
        }
        HostProfile p = profile.get();
        // The tested connection is kept when the settings did not change since: no second password question.
        ConsoleHost host;
        if (tested != null && p.equals(testedProfile)) {
            host = tested;
        } else {
            closeTested();
            host = saved.open(p);
        }
        tested = null;
        testedProfile = null;
        saving.set(true);
        saveError.set("");
        executor.submit(() -> {
            saved.save(p);
            return host;
        }, h -> {
            saving.set(false);
            onSaved.accept(h);
            done.set(true);
        }, e -> {
            saving.set(false);
            saveError.set("Not saved: " + message(e));
            closeInBackground(host);
        });
    }

    /** Leaves the dialog without saving; a tested connection is closed. */
    public void cancel() {
        closeTested();
        done.set(true);
    }

    /** The profile the fields describe, when every field is valid. */
    public Optional<HostProfile> profile() {
        if (!valid.get()) {
            return Optional.empty();
        }
        String key = authentication.get() == Authentication.KEY_FILE ? expandHome(keyFile.get().strip()) : null;
        return Optional.of(new HostProfile(name.get().strip(), address.get().strip(), Integer.parseInt(port.get().strip()),
                user.get().strip(), key, privilege.get()));
    }

    /**
     * "~/.ssh/id_ed25519" as a shell would read it: the profile keeps an absolute path, which the CLI
     * (run without a shell to expand it) reads the same way.
     */
    static String expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }

    private void closeTested() {
        if (tested != null) {
            closeInBackground(tested);
            tested = null;
            testedProfile = null;
        }
    }

    private void closeInBackground(ConsoleHost host) {
        // Disconnecting may wait on the network: not on the FX thread.
        executor.submit(() -> {
            host.close();
            return null;
        }, ignored -> {
        }, ignored -> {
        });
    }

    static String describe(HostInventory inventory) {
        int zones = inventory.zones().size();
        String release = inventory.release() == null ? "Solaris release unknown" : inventory.release().describe();
        String text = "Connected: " + release + ", " + zones + (zones == 1 ? " zone" : " zones");
        // The reason may quote uname -v as the host printed it.
        return HostText.forDisplay(inventory.moveUnsupportedReason().map(r -> text + ". But " + r + ".").orElse(text));
    }

    private static String message(Exception e) {
        return HostText.forDisplay(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    // ----- validation: one message per field, empty when the field is valid -----

    @FunctionalInterface
    private interface Check {
        void run() throws InvalidValueException;
    }

    private static StringBinding error(Check check, javafx.beans.Observable... dependencies) {
        return Bindings.createStringBinding(() -> {
            try {
                check.run();
                return "";
            } catch (InvalidValueException e) {
                return e.value() == null || e.value().isBlank() ? REQUIRED : e.getMessage();
            }
        }, dependencies);
    }

    private static String required(String value) throws InvalidValueException {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("value", "", "is required");
        }
        return value.strip();
    }

    private void checkName() throws InvalidValueException {
        String n = HostProfile.validateName(required(name.get()));
        if (nameTaken.test(n)) {
            throw new InvalidValueException("host name", n, "is already in the hosts list; choose another name");
        }
    }

    private void checkPort() throws InvalidValueException {
        String p = required(port.get());
        int value;
        try {
            value = Integer.parseInt(p);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("port", p, "must be a number between 1 and 65535 (SSH uses 22)");
        }
        if (value < 1 || value > 65535) {
            throw new InvalidValueException("port", p, "must be between 1 and 65535 (SSH uses 22)");
        }
    }

    private void checkUser() throws InvalidValueException {
        // HostProfile checks the user name as part of a whole profile; the other fields are placeholders here.
        new HostProfile("probe", "localhost", 22, required(user.get()), null, Privilege.NONE).validated();
    }

    private void checkKeyFile() throws InvalidValueException {
        if (authentication.get() == Authentication.KEY_FILE) {
            new HostProfile("probe", "localhost", 22, "probe", required(keyFile.get()), Privilege.NONE).validated();
        }
    }

    // ----- properties -----

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty addressProperty() {
        return address;
    }

    /** The port as typed (text, so a wrong entry can be shown and explained). */
    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<Authentication> authenticationProperty() {
        return authentication;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public ObjectProperty<Privilege> privilegeProperty() {
        return privilege;
    }

    public StringBinding nameErrorBinding() {
        return nameError;
    }

    public StringBinding addressErrorBinding() {
        return addressError;
    }

    public StringBinding portErrorBinding() {
        return portError;
    }

    public StringBinding userErrorBinding() {
        return userError;
    }

    public StringBinding keyFileErrorBinding() {
        return keyFileError;
    }

    public BooleanBinding canTestBinding() {
        return canTest;
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public ReadOnlyObjectProperty<TestOutcome> testOutcomeProperty() {
        return testOutcome;
    }

    /** "Connected: Solaris 11.4 SRU 48, 12 zones", or "Failed: " and why. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    /** Why the last save failed, or empty. */
    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError;
    }

    /** True once the dialog should close (saved or cancelled). */
    public ReadOnlyBooleanProperty doneProperty() {
        return done;
    }

    /** The chosen privilege prefix in words, for people who do not know the prefixes. */
    public StringBinding privilegeExplanationBinding() {
        return privilegeExplanation;
    }

    /** Words for a privilege choice. */
    public static String explain(Privilege p) {
        return switch (p) {
            case PFEXEC -> "kzmove runs zoneadm as \"pfexec zoneadm …\": the user has the Zone Management rights "
                    + "profile (the usual way on Solaris, where root cannot log in over SSH).";
            case SUDO -> "kzmove runs zoneadm as \"sudo -n zoneadm …\": the user may run it with sudo without typing "
                    + "a password.";
            case NONE -> "kzmove runs zoneadm as it is: the user already has the rights (root, or a shell in a "
                    + "role with them).";
        };
    }
}
