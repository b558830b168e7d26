package org.kzmove.ui.wizard;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kzmove.console.ConsoleHost;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.precheck.Finding;
import org.kzmove.migration.precheck.PrecheckReport;
import org.kzmove.migration.precheck.Severity;
import org.kzmove.ui.common.TaskExecutor;
import org.kzmove.solaris.text.HostText;

/**
 * Step 4: the move's read-only pre-checks, run on the host in the background. Errors block the
 * wizard; warnings block it until the user accepts them; a host that cannot be reached is shown
 * as such and the checks can be run again.
 */
public final class PrecheckStepViewModel {
    /** One line of the findings list. */
    public record Item(Severity severity, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final ConsoleHost host;
    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<PrecheckReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final BooleanProperty acceptWarnings = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper hasWarnings = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding passed;
    private MoveRequest request;
    /** Counts runs so the answer of a run superseded by "Run again" or a changed request is dropped. */
    private long generation;

    public PrecheckStepViewModel(ConsoleHost host, TaskExecutor executor) {
        this.host = host;
        this.executor = executor;
        passed = Bindings.createBooleanBinding(
                () -> !running.get() && report.get() != null && !report.get().hasErrors()
                        && (!hasWarnings.get() || acceptWarnings.get()),
                running, report, hasWarnings, acceptWarnings);
    }

    /** Runs the pre-checks of {@code newRequest}; earlier results are cleared. */
    public void run(MoveRequest newRequest) {
        this.request = newRequest;
        long mine = ++generation;
        running.set(true);
        report.set(null);
        items.clear();
        hasWarnings.set(false);
        acceptWarnings.set(false);
        status.set("Running the pre-checks on " + host.name() + "…");
        executor.submit(() -> host.precheck(newRequest), result -> {
            if (mine == generation) {
                show(result);
            }
        }, failure -> {
            if (mine == generation) {
                running.set(false);
                status.set(HostText.forDisplay("The pre-checks could not run: " + failure.getMessage()
                        + " Check the connection to " + host.name() + " and run them again."));
            }
        });
    }

    /** Runs the same checks again (after fixing something on the host). */
    public void runAgain() {
        if (request != null && !running.get()) {
            run(request);
        }
    }

    /** Drops whatever a running check will answer (the wizard closed or went back). */
    public void abandon() {
        generation++;
        running.set(false);
    }

    private void show(PrecheckReport result) {
        running.set(false);
        List<Item> lines = new ArrayList<>();
        List<Finding> shown = new ArrayList<>(result.errors());
        shown.addAll(result.warnings());
        for (Finding f : shown) {
            String label = f.severity() == Severity.ERROR ? "Error" : "Warning";
            lines.add(new Item(f.severity(), label + " (" + f.subject() + "): " + f.message()
                    + (f.hint().isEmpty() ? "" : " — " + f.hint())));
        }
        items.setAll(lines);
        hasWarnings.set(!result.warnings().isEmpty());
        report.set(result);
        int errors = result.errors().size();
        int warnings = result.warnings().size();
        if (errors > 0) {
            status.set(count(errors, "error") + (warnings > 0 ? " and " + count(warnings, "warning") : "")
                    + ": the move cannot start until the errors are fixed. Fix them (go Back to change the targets, "
                    + "or on the host) and run the checks again.");
        } else if (warnings > 0) {
            status.set("No errors; " + count(warnings, "warning") + ". Read and accept the warnings to go on.");
        } else {
            status.set("All pre-checks passed.");
        }
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PrecheckReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** What the checks are doing or found, in one or two sentences. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Errors first, then warnings, as found. */
    public ObservableList<Item> items() {
        return items;
    }

    /** The user has read the warnings and goes ahead anyway. */
    public BooleanProperty acceptWarningsProperty() {
        return acceptWarnings;
    }

    public ReadOnlyBooleanProperty hasWarningsProperty() {
        return hasWarnings.getReadOnlyProperty();
    }

    /** True when the move may go on: checks done, no errors, warnings (if any) accepted. */
    public BooleanBinding passedBinding() {
        return passed;
    }
}
