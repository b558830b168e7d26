package org.kzmove.ui.hosts;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kzmove.console.ConsoleHost;
import org.kzmove.remote.profile.HostProfile;
import org.kzmove.ui.common.DialogService;
import org.kzmove.ui.common.TaskExecutor;

/**
 * The hosts list: its entries (the Demo host first, then the saved hosts), the selected one, the
 * status line about it, and adding and removing saved hosts. The profile file is only read and
 * written through the task executor.
 */
public final class HostsViewModel {
    private final ObservableList<HostViewModel> hosts = FXCollections.observableArrayList();
    private final ObjectProperty<HostViewModel> selected = new SimpleObjectProperty<>();
    private final StringBinding status;
    private final StringBinding connections;
    private final BooleanBinding canRemove;
    private final SavedHosts saved;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    /** A fixed list of hosts (no saved hosts: nothing can be added or removed). */
    public HostsViewModel(List<? extends ConsoleHost> sources, TaskExecutor executor, DialogService dialogs) {
        this(sources, null, executor, dialogs);
    }

    /**
     * @param sources the hosts listed from the start (the Demo host)
     * @param saved   the saved hosts, read by {@link #loadSavedHosts()}; null when hosts cannot be added
     */
    public HostsViewModel(List<? extends ConsoleHost> sources, SavedHosts saved, TaskExecutor executor,
            DialogService dialogs) {
        this.saved = saved;
        this.executor = executor;
        this.dialogs = dialogs;
        status = Bindings.createStringBinding(this::describeSelected, selected);
        connections = Bindings.createStringBinding(this::describeConnections, hosts);
        canRemove = Bindings.createBooleanBinding(
                () -> selected.get() != null && !selected.get().host().isDemo() && this.saved != null, selected);
        for (ConsoleHost s : sources) {
            list(s);
        }
        if (!hosts.isEmpty()) {
            selected.set(hosts.get(0));
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

    /**
     * Reads the saved profiles in the background and lists a host for each after the ones already
     * listed, then reads their zones. A file that cannot be read is reported; the listed hosts stay.
     */
    public void loadSavedHosts() {
        if (saved == null) {
            return;
        }
        executor.submit(() -> {
            List<ConsoleHost> opened = new ArrayList<>();
            for (HostProfile p : saved.load()) {
                opened.add(saved.open(p));
            }
            return opened;
        }, opened -> {
            for (ConsoleHost host : opened) {
                if (isListed(host.name())) {
                    host.close();
                    continue;
                }
                list(host).refresh();
            }
        }, e -> dialogs.showError("Cannot read the saved hosts",
                (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + ". The Demo host and the hosts already listed still work."));
    }

    /** True when hosts can be added (there is a place to save them). */
    public boolean canAdd() {
        return saved != null;
    }

    /** A fresh add-host dialog whose Save lists, selects and connects the new host. */
    public AddHostViewModel newAddHost() {
        if (saved == null) {
            throw new IllegalStateException("this hosts list has no saved hosts to add to");
        }
        return new AddHostViewModel(saved, executor, this::isListed, this::added);
    }

    private void added(ConsoleHost host) {
        HostViewModel entry = list(host);
        selected.set(entry);
        entry.refresh();
    }

    /**
     * Removes the selected saved host after the user confirmed: its profile is deleted in the
     * background, then it is disconnected and leaves the list. The Demo host cannot be removed.
     */
    public void removeSelected() {
        HostViewModel h = selected.get();
        if (!canRemove.get() || h == null) {
            return;
        }
        String name = h.nameProperty().get();
        if (!dialogs.confirm("Remove " + name + "?", "kzmove forgets the saved host " + name + " ("
                + h.addressProperty().get() + ") and disconnects from it. Moves running on it go on; its host key "
                + "stays trusted. You can add it again later.", "Remove host", "Keep host")) {
            return;
        }
        // Retired first: closing the host ends a read in progress, which must not report an error.
        h.retire();
        executor.submit(() -> {
            saved.remove(name);
            h.host().close();
            return h;
        }, removed -> {
            int index = hosts.indexOf(removed);
            hosts.remove(removed);
            if (selected.get() == removed) {
                selected.set(hosts.isEmpty() ? null : hosts.get(Math.max(0, index - 1)));
            }
        }, e -> {
            h.reinstate();
            dialogs.showError("Cannot remove " + name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        });
    }

    private HostViewModel list(ConsoleHost host) {
        HostViewModel h = new HostViewModel(host, executor, dialogs);
        // A binding on the selection alone would miss the selected host's own changes: follow them too.
        h.stateProperty().addListener(o -> status.invalidate());
        h.problemProperty().addListener(o -> status.invalidate());
        h.addressProperty().addListener(o -> status.invalidate());
        h.stateProperty().addListener(o -> connections.invalidate());
        hosts.add(h);
        return h;
    }

    private boolean isListed(String name) {
        return hosts.stream().anyMatch(h -> h.nameProperty().get().equals(name));
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

    private String describeConnections() {
        long connected = hosts.stream().filter(h -> h.stateProperty().get() == ConnectionState.CONNECTED).count();
        long failed = hosts.stream().filter(h -> h.stateProperty().get() == ConnectionState.FAILED).count();
        String text = connected + " of " + hosts.size() + (hosts.size() == 1 ? " host" : " hosts") + " connected";
        return failed == 0 ? text : text + " (" + failed + " failed)";
    }

    /** "2 of 3 hosts connected (1 failed)": the status bar's connection count. */
    public StringBinding connectionsBinding() {
        return connections;
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

    /** True when the selected host is a saved one (the Demo host stays). */
    public BooleanBinding canRemoveBinding() {
        return canRemove;
    }
}
