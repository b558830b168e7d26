package org.kzmove.ui.hosts;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kzmove.console.ConsoleHost;
import org.kzmove.ui.common.DialogService;
import org.kzmove.ui.common.TaskExecutor;

/** The hosts list: its entries, the selected one, and the status line about it. */
public final class HostsViewModel {
    private final ObservableList<HostViewModel> hosts = FXCollections.observableArrayList();
    private final ObjectProperty<HostViewModel> selected = new SimpleObjectProperty<>();
    private final StringBinding status;

    public HostsViewModel(List<? extends ConsoleHost> sources, TaskExecutor executor, DialogService dialogs) {
        for (ConsoleHost s : sources) {
            hosts.add(new HostViewModel(s, executor, dialogs));
        }
        if (!hosts.isEmpty()) {
            selected.set(hosts.get(0));
        }
        status = Bindings.createStringBinding(this::describeSelected, selected);
        // A binding on the selection alone would miss the selected host's own changes: follow them too.
        for (HostViewModel h : hosts) {
            h.stateProperty().addListener(o -> status.invalidate());
            h.problemProperty().addListener(o -> status.invalidate());
            h.addressProperty().addListener(o -> status.invalidate());
        }
    }

    /** Reads every host's zones in the background (called once when the window opens). */
    public void refreshAll() {
        hosts.forEach(HostViewModel::refresh);
    }

    /** Reads the selected host's zones again. */
    public void refreshSelected() {
        HostViewModel h = selected.get();
        if (h != null) {
            h.refresh();
        }
    }

    private String describeSelected() {
        HostViewModel h = selected.get();
        if (h == null) {
            return "No host selected";
        }
        String text = h.nameProperty().get() + " (" + h.addressProperty().get() + "): " + h.stateProperty().get().label();
        String problem = h.problemProperty().get();
        return problem.isEmpty() ? text : text + " — " + problem;
    }

    public ObservableList<HostViewModel> hosts() {
        return hosts;
    }

    public ObjectProperty<HostViewModel> selectedProperty() {
        return selected;
    }

    /** The status bar's text: the selected host, where it is, and its connection state. */
    public StringBinding statusBinding() {
        return status;
    }
}
