package org.kzmove.ui.hosts;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kzmove.console.ConsoleHost;
import org.kzmove.inventory.HostInventory;
import org.kzmove.remote.RemoteException;
import org.kzmove.ui.common.DialogService;
import org.kzmove.ui.common.TaskExecutor;
import org.kzmove.ui.zones.ZoneRow;
import org.kzmove.solaris.text.HostText;

/**
 * One host of the hosts list: its connection state, Solaris release and zones, read in the
 * background through the task executor. The FX thread never waits on SSH.
 */
public final class HostViewModel {
    private final ConsoleHost source;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final StringProperty name = new SimpleStringProperty();
    private final StringProperty address = new SimpleStringProperty();
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.NOT_CONNECTED);
    private final StringProperty release = new SimpleStringProperty("");
    /** -1 until the zones were read once. */
    private final IntegerProperty zoneCount = new SimpleIntegerProperty(-1);
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObservableList<ZoneRow> zones = FXCollections.observableArrayList();
    private final ObservableList<ZoneRow> zonesView = FXCollections.unmodifiableObservableList(zones);
    private final BooleanBinding canRefresh = state.isNotEqualTo(ConnectionState.CONNECTING);
    private final StringBinding summary;
    private HostInventory inventory;
    private boolean retired;

    public HostViewModel(ConsoleHost source, TaskExecutor executor, DialogService dialogs) {
        this.source = source;
        this.executor = executor;
        this.dialogs = dialogs;
        name.set(source.name());
        address.set(source.address());
        summary = Bindings.createStringBinding(this::describe, state, release, zoneCount);
    }

    /** Reads the host's zones again in the background (connecting first when needed). */
    public void refresh() {
        if (!canRefresh.get()) {
            return;
        }
        state.set(ConnectionState.CONNECTING);
        problem.set("");
        executor.submit(source::load, this::loaded, this::failed);
    }

    /**
     * Marks this entry as removed from the list: a read still running (perhaps waiting on a password
     * dialog) ends without touching the entry or showing an error about a host the user let go.
     */
    public void retire() {
        retired = true;
    }

    /** Undoes {@link #retire()} when the removal failed: the entry stays and can be refreshed. */
    public void reinstate() {
        retired = false;
    }

    private void loaded(HostInventory inventory) {
        if (retired) {
            state.set(ConnectionState.NOT_CONNECTED);
            return;
        }
        this.inventory = inventory;
        address.set(source.address());
        release.set(inventory.release() == null ? "release unknown" : inventory.release().describe());
        zones.setAll(inventory.zones().stream().map(ZoneRow::of).toList());
        zoneCount.set(inventory.zones().size());
        List<String> problems = inventory.problems();
        problem.set(HostText.forDisplay(String.join("; ", problems)));
        state.set(ConnectionState.CONNECTED);
    }

    private void failed(Exception e) {
        if (retired) {
            state.set(ConnectionState.NOT_CONNECTED);
            return;
        }
        // Messages of remote failures carry the host's stderr.
        String message = HostText.forDisplay(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        problem.set(message);
        state.set(ConnectionState.FAILED);
        dialogs.showError(errorTitle(e), message);
    }

    /** A refused host key is not a zone problem: say what happened in the title. */
    private String errorTitle(Exception e) {
        if (e instanceof RemoteException re) {
            switch (re.reason()) {
                case HOST_KEY_CHANGED:
                    return "Not connected to " + name.get() + ": its host key has CHANGED";
                case HOST_KEY_REVOKED:
                    return "Not connected to " + name.get() + ": its host key is REVOKED";
                case HOST_KEY_UNKNOWN:
                    return "Not connected to " + name.get() + ": its host key was not trusted";
                case AUTHENTICATION:
                    return "Not connected to " + name.get() + ": login refused";
                case UNREACHABLE:
                case TIMEOUT:
                    return "Cannot reach " + name.get();
                default:
                    break;
            }
        }
        return "Cannot read the zones of " + name.get();
    }

    private String describe() {
        StringBuilder b = new StringBuilder(state.get().label());
        if (!release.get().isEmpty()) {
            b.append(" · ").append(release.get());
        }
        if (zoneCount.get() >= 0) {
            b.append(" · ").append(zoneCount.get()).append(zoneCount.get() == 1 ? " zone" : " zones");
        }
        return b.toString();
    }

    /** The host's services (blocking: call them through the task executor). */
    public ConsoleHost host() {
        return source;
    }

    /** The last inventory read, or null before the first successful read. */
    public HostInventory inventory() {
        return inventory;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty addressProperty() {
        return address;
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty releaseProperty() {
        return release;
    }

    public ReadOnlyIntegerProperty zoneCountProperty() {
        return zoneCount;
    }

    /** What went wrong last, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** "connected · Solaris 11.4 SRU 48 · 10 zones": the second line of the host's entry. */
    public StringBinding summaryBinding() {
        return summary;
    }

    public BooleanBinding canRefreshBinding() {
        return canRefresh;
    }

    /** The host's zones as last read (read-only; replaced as a whole on each refresh). */
    public ObservableList<ZoneRow> zones() {
        return zonesView;
    }
}
