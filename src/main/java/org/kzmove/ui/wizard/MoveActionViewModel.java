package org.kzmove.ui.wizard;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kzmove.inventory.ZoneInventory;
import org.kzmove.ui.common.DialogService;
import org.kzmove.ui.common.TaskExecutor;
import org.kzmove.ui.hosts.HostViewModel;
import org.kzmove.ui.zones.ZoneRow;

/**
 * The main window's "Move storage…" action: enabled when the selection is one kernel zone of a host
 * whose inventory is known, and makes the wizard for it.
 */
public final class MoveActionViewModel {
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final MoveStarter starter;
    private final ObjectProperty<HostViewModel> host = new SimpleObjectProperty<>();
    private final ObjectProperty<ZoneRow> zone = new SimpleObjectProperty<>();
    private final BooleanBinding canMove;

    public MoveActionViewModel(TaskExecutor executor, DialogService dialogs, MoveStarter starter) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.starter = starter;
        canMove = Bindings.createBooleanBinding(() -> selectedZone().isPresent(), host, zone);
    }

    /** The host whose zone is selected (bind it to the hosts list's selection). */
    public ObjectProperty<HostViewModel> hostProperty() {
        return host;
    }

    /** The selected zone row (bind it to the zones table's single selection). */
    public ObjectProperty<ZoneRow> zoneProperty() {
        return zone;
    }

    public BooleanBinding canMoveBinding() {
        return canMove;
    }

    /** A wizard for the selected zone, or empty when no movable zone is selected. */
    public Optional<MoveWizardViewModel> wizard() {
        return selectedZone().map(z -> new MoveWizardViewModel(host.get().host(), host.get().inventory(), z, executor,
                dialogs, starter));
    }

    private Optional<ZoneInventory> selectedZone() {
        HostViewModel h = host.get();
        ZoneRow row = zone.get();
        if (h == null || row == null || h.inventory() == null) {
            return Optional.empty();
        }
        return h.inventory().zone(row.name()).filter(z -> z.zone().isKernelZone());
    }
}
