package org.kzmove.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.kzmove.console.ConsoleHost;
import org.kzmove.inventory.HostInventory;
import org.kzmove.inventory.ZoneInventory;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.zone.KzDevice;
import org.kzmove.ui.common.DialogService;
import org.kzmove.ui.common.TaskExecutor;

/**
 * The migration wizard for one zone of one host: five steps (current disks, targets, options,
 * pre-checks, summary), Back/Next/Cancel/Start as commands whose "can run" are bindings. Start hands
 * the request to the {@link MoveStarter} and closes the wizard; the wizard itself never starts a move.
 */
public final class MoveWizardViewModel {

    /** The wizard's steps, in order. */
    public enum Step {
        CURRENT("Current disks and pool"),
        TARGETS("Target storage"),
        OPTIONS("Options"),
        PRECHECKS("Pre-checks"),
        SUMMARY("Summary");

        private final String title;

        Step(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final ConsoleHost host;
    private final ZoneInventory zone;
    private final DialogService dialogs;
    private final MoveStarter starter;
    private final CurrentDisksStepViewModel current;
    private final TargetsStepViewModel targets;
    private final OptionsStepViewModel options = new OptionsStepViewModel();
    private final PrecheckStepViewModel prechecks;
    private final SummaryStepViewModel summary;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CURRENT);
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(false);
    private final StringBinding stepTitle;
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;
    private final BooleanBinding canStart;

    public MoveWizardViewModel(ConsoleHost host, ZoneInventory zone, TaskExecutor executor, DialogService dialogs,
            MoveStarter starter) {
        this(host, null, zone, executor, dialogs, starter);
    }

    /**
     * @param known the host's inventory as the console last read it (its zones' disks are not offered as
     *              free storage); null to have the free-storage probe read it again
     */
    public MoveWizardViewModel(ConsoleHost host, HostInventory known, ZoneInventory zone, TaskExecutor executor,
            DialogService dialogs, MoveStarter starter) {
        this.host = Objects.requireNonNull(host);
        this.zone = Objects.requireNonNull(zone);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.starter = Objects.requireNonNull(starter);
        this.current = new CurrentDisksStepViewModel(zone);
        List<KzDevice> devices = new ArrayList<>();
        if (zone.persistentConfig() != null) {
            devices.addAll(zone.persistentConfig().devices());
        }
        if (zone.liveConfig() != null) {
            devices.addAll(zone.liveConfig().devices());
        }
        this.targets = new TargetsStepViewModel(zone.zone().name(), TargetsStepViewModel.currentDisksOf(devices));
        this.prechecks = new PrecheckStepViewModel(host, executor);
        this.summary = new SummaryStepViewModel(zone.zone().name(), host.privilege(), current.allocatedBytes(),
                originalDisks());

        stepTitle = Bindings.createStringBinding(() -> "Move the storage of " + zone.zone().name() + " — step "
                + (step.get().ordinal() + 1) + " of " + Step.values().length + ": " + step.get().title(), step);
        canGoBack = Bindings.createBooleanBinding(() -> step.get() != Step.CURRENT && !closed.get(), step, closed);
        canGoNext = Bindings.createBooleanBinding(() -> !closed.get() && switch (step.get()) {
            case CURRENT -> current.blocker().isEmpty();
            case TARGETS -> targets.validProperty().get();
            case OPTIONS -> true;
            case PRECHECKS -> prechecks.passedBinding().get();
            case SUMMARY -> false;
        }, step, closed, targets.validProperty(), prechecks.passedBinding());
        canStart = Bindings.createBooleanBinding(
                () -> !closed.get() && step.get() == Step.SUMMARY && summary.requestProperty().get() != null,
                step, closed, summary.requestProperty());

        targets.loadFreeStorage(executor, () -> host.freeStorage(known));
        executor.submit(host::jobHistory, history -> summary.useRate(ResilverRate.fromHistory(history)),
                failure -> {
                    // The typical rate stays; the estimate says where it comes from.
                });
    }

    private List<String> originalDisks() {
        if (zone.persistentConfig() == null) {
            return List.of();
        }
        return zone.persistentConfig().devices().stream().filter(KzDevice::isBootable)
                .map(d -> d.diskName() == null ? d.storage() : d.diskName()).toList();
    }

    /** The request the wizard's current inputs make, when the targets are valid. */
    public Optional<MoveRequest> request() {
        Optional<List<MoveTarget>> checked = targets.targets();
        return checked.map(t -> new MoveRequest(zone.zone().name(), t, options.forceZpoolAttachProperty().get()));
    }

    /** Goes to the next step; entering the pre-checks runs them, entering the summary describes the move. */
    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        switch (step.get()) {
            case OPTIONS -> {
                step.set(Step.PRECHECKS);
                prechecks.run(request().orElseThrow());
            }
            case PRECHECKS -> {
                try {
                    summary.show(request().orElseThrow());
                    step.set(Step.SUMMARY);
                } catch (InvalidValueException e) {
                    dialogs.showError("Cannot describe the move", e.getMessage());
                }
            }
            default -> step.set(Step.values()[step.get().ordinal() + 1]);
        }
    }

    public void back() {
        if (canGoBack.get()) {
            if (step.get() == Step.PRECHECKS) {
                prechecks.abandon();
            }
            step.set(Step.values()[step.get().ordinal() - 1]);
        }
    }

    /** Hands the move to the starter and closes the wizard. */
    public void start() {
        if (canStart.get()) {
            MoveRequest request = summary.requestProperty().get();
            closed.set(true);
            starter.start(host, request);
        }
    }

    /** Closes the wizard without starting anything; a running pre-check's answer is dropped. */
    public void cancel() {
        prechecks.abandon();
        closed.set(true);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** "Move the storage of web01 — step 2 of 5: Target storage". */
    public StringBinding stepTitleBinding() {
        return stepTitle;
    }

    public BooleanBinding canGoBackBinding() {
        return canGoBack;
    }

    public BooleanBinding canGoNextBinding() {
        return canGoNext;
    }

    public BooleanBinding canStartBinding() {
        return canStart;
    }

    /** True once the wizard is done (started or cancelled): the view closes its window. */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    public String hostName() {
        return host.name();
    }

    public CurrentDisksStepViewModel current() {
        return current;
    }

    public TargetsStepViewModel targets() {
        return targets;
    }

    public OptionsStepViewModel options() {
        return options;
    }

    public PrecheckStepViewModel prechecks() {
        return prechecks;
    }

    public SummaryStepViewModel summary() {
        return summary;
    }
}
