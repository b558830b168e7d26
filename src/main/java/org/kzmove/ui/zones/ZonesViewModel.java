package org.kzmove.ui.zones;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kzmove.ui.hosts.ConnectionState;
import org.kzmove.ui.hosts.HostViewModel;

/** The zones table: the zones of the host it is given (the hosts list's selection, in the console). */
public final class ZonesViewModel {
    private static final ObservableList<ZoneRow> NONE = FXCollections.emptyObservableList();

    private final ObjectProperty<HostViewModel> host = new SimpleObjectProperty<>();
    private final ObjectBinding<ObservableList<ZoneRow>> rows =
            Bindings.createObjectBinding(() -> host.get() == null ? NONE : host.get().zones(), host);
    private final StringBinding placeholder = Bindings.createStringBinding(this::describeEmpty, host);
    private final InvalidationListener hostChanged = o -> placeholder.invalidate();

    public ZonesViewModel() {
        // The placeholder also follows the shown host's own state: listen to whichever host is shown.
        host.addListener((obs, old, now) -> {
            if (old != null) {
                old.stateProperty().removeListener(hostChanged);
                old.problemProperty().removeListener(hostChanged);
            }
            if (now != null) {
                now.stateProperty().addListener(hostChanged);
                now.problemProperty().addListener(hostChanged);
            }
        });
    }

    /** The host whose zones are shown (bind it to the hosts list's selection). */
    public ObjectProperty<HostViewModel> hostProperty() {
        return host;
    }

    /** The rows to show: the current host's zone list, which updates itself on refresh. */
    public ObjectBinding<ObservableList<ZoneRow>> rowsBinding() {
        return rows;
    }

    /** What the empty table says: why there is nothing (yet). */
    public StringBinding placeholderBinding() {
        return placeholder;
    }

    private String describeEmpty() {
        HostViewModel h = host.get();
        if (h == null) {
            return "Select a host to see its zones.";
        }
        ConnectionState state = h.stateProperty().get();
        return switch (state) {
            case NOT_CONNECTED -> "Not connected to " + h.nameProperty().get() + ".";
            case CONNECTING -> "Reading the zones of " + h.nameProperty().get() + "…";
            case FAILED -> "Could not read the zones of " + h.nameProperty().get() + ": " + h.problemProperty().get();
            case CONNECTED -> h.nameProperty().get() + " has no zones.";
        };
    }
}
