package org.kzmove.ui.zones;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;
import org.kzmove.ui.hosts.ConnectionState;
import org.kzmove.ui.hosts.HostViewModel;

/**
 * The zones table: the zones of the host it is given (the hosts list's selection, in the console),
 * filtered by text and state, the rows the user selected, and each zone's running job.
 */
public final class ZonesViewModel {
    private final ObjectProperty<HostViewModel> host = new SimpleObjectProperty<>();
    /** The shown host's zones, copied so that the filtered list keeps one source across hosts. */
    private final ObservableList<ZoneRow> hostRows = FXCollections.observableArrayList();
    private final FilteredList<ZoneRow> rows = new FilteredList<>(hostRows);
    private final ObservableList<ZoneRow> rowsView = FXCollections.unmodifiableObservableList(rows);

    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<ZoneStateFilter> stateFilter = new SimpleObjectProperty<>(ZoneStateFilter.ALL);
    private final ObservableList<ZoneStateFilter> stateChoices =
            FXCollections.unmodifiableObservableList(FXCollections.observableList(ZoneStateFilter.choices()));

    private final ObservableList<ZoneRow> selected = FXCollections.observableArrayList();
    private final ObservableList<ZoneRow> selectedView = FXCollections.unmodifiableObservableList(selected);
    private final ReadOnlyObjectWrapper<ZoneRow> selectedZone = new ReadOnlyObjectWrapper<>();

    private final ObservableMap<ZoneKey, String> jobLabels = FXCollections.observableHashMap();

    private final ZoneDetailViewModel detail = new ZoneDetailViewModel();
    private final StringBinding placeholder;
    private final StringBinding countText;
    private final InvalidationListener hostStateChanged;
    private final ListChangeListener<ZoneRow> hostZonesChanged = c -> copyHostZones(c.getList());

    public ZonesViewModel() {
        placeholder = Bindings.createStringBinding(this::describeEmpty, host, hostRows, filterText, stateFilter);
        countText = Bindings.createStringBinding(this::describeCount, hostRows, rows);
        hostStateChanged = o -> placeholder.invalidate();
        ObjectBinding<Predicate<ZoneRow>> filter = Bindings.createObjectBinding(() -> {
            String text = filterText.get();
            ZoneStateFilter state = stateFilter.get() == null ? ZoneStateFilter.ALL : stateFilter.get();
            return row -> state.accepts(row) && row.matches(text);
        }, filterText, stateFilter);
        rows.predicateProperty().bind(filter);
        // The placeholder and the rows follow the shown host's own changes: listen to whichever host is shown.
        host.addListener((obs, old, now) -> {
            if (old != null) {
                old.stateProperty().removeListener(hostStateChanged);
                old.problemProperty().removeListener(hostStateChanged);
                old.zones().removeListener(hostZonesChanged);
            }
            // Another host's zones are other zones, even where the names are the same.
            selected.clear();
            if (now != null) {
                now.stateProperty().addListener(hostStateChanged);
                now.problemProperty().addListener(hostStateChanged);
                now.zones().addListener(hostZonesChanged);
                copyHostZones(now.zones());
            } else {
                hostRows.clear();
            }
        });
        selected.addListener((ListChangeListener<ZoneRow>) c -> selectedZone.set(selected.size() == 1 ? selected.get(0) : null));
        // A row the filter hides is no longer selected: the detail never shows a zone the table does not.
        rows.addListener((ListChangeListener<ZoneRow>) c -> {
            if (!rows.containsAll(selected)) {
                selected.setAll(selected.stream().filter(rows::contains).toList());
            }
        });
        detail.follow(this);
    }

    /** A refresh replaces every row: the zones that were selected stay selected by name. */
    private void copyHostZones(List<? extends ZoneRow> zones) {
        Set<String> keep = selected.stream().map(ZoneRow::name).collect(Collectors.toSet());
        hostRows.setAll(zones);
        selected.setAll(rows.stream().filter(r -> keep.contains(r.name())).toList());
    }

    /** The host whose zones are shown (bind it to the hosts list's selection). */
    public ObjectProperty<HostViewModel> hostProperty() {
        return host;
    }

    /** The rows to show: the shown host's zones that pass both filters; follows refreshes. */
    public ObservableList<ZoneRow> rows() {
        return rowsView;
    }

    /** Text a zone's name or one of its storage URIs must contain (ignoring case); blank shows all. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** The one state shown, or {@link ZoneStateFilter#ALL}. */
    public ObjectProperty<ZoneStateFilter> stateFilterProperty() {
        return stateFilter;
    }

    /** What the state filter offers: all states, then each state. */
    public ObservableList<ZoneStateFilter> stateChoices() {
        return stateChoices;
    }

    /** Shows every zone again. */
    public void clearFilters() {
        filterText.set("");
        stateFilter.set(ZoneStateFilter.ALL);
    }

    /**
     * Takes the table's selection. Rows that are not shown (filtered out, or from an earlier
     * refresh) are ignored: the selection is always of rows the user can see.
     */
    public void select(List<? extends ZoneRow> rowsSelected) {
        List<ZoneRow> asked = List.copyOf(rowsSelected);
        List<ZoneRow> shown = asked.stream().filter(rows::contains).distinct().toList();
        if (!shown.equals(selected)) {
            selected.setAll(shown);
        }
    }

    /** The selected rows, in the order selected (read-only; change it with {@link #select}). */
    public ObservableList<ZoneRow> selectedRows() {
        return selectedView;
    }

    /** The one selected zone, for the detail and the wizard; null when none or several are selected. */
    public ReadOnlyObjectProperty<ZoneRow> selectedZoneProperty() {
        return selectedZone.getReadOnlyProperty();
    }

    /**
     * The running job of each zone, e.g. "moving · 42 %", keyed by the host's name as the hosts list
     * shows it. Whoever follows jobs writes here, on the FX thread (through {@code FxBridge}); the
     * table shows the shown host's labels live. Remove a zone's entry when its job ends.
     */
    public ObservableMap<ZoneKey, String> jobLabels() {
        return jobLabels;
    }

    /** The job label of a row of the shown host, or "" when it has no running job. */
    public String jobLabel(ZoneRow row) {
        HostViewModel h = host.get();
        if (h == null || row == null) {
            return "";
        }
        String label = jobLabels.get(new ZoneKey(h.nameProperty().get(), row.name()));
        return label == null ? "" : label;
    }

    /** {@link #jobLabel(ZoneRow)} as a value that changes with the labels and the shown host (for a cell). */
    public ObservableValue<String> jobLabelBinding(ZoneRow row) {
        // Bindings hold their dependencies weakly: a cell's discarded binding does not leak.
        return Bindings.createStringBinding(() -> jobLabel(row), jobLabels, host);
    }

    /** The detail of the one selected zone (follows this table's selection). */
    public ZoneDetailViewModel detail() {
        return detail;
    }

    /** What the empty table says: why there is nothing (yet). */
    public StringBinding placeholderBinding() {
        return placeholder;
    }

    /** "12 zones" or "3 of 12 zones", for the filter bar. */
    public StringBinding countTextBinding() {
        return countText;
    }

    private String describeCount() {
        int all = hostRows.size();
        String zones = all == 1 ? " zone" : " zones";
        return rows.size() == all ? all + zones : rows.size() + " of " + all + zones;
    }

    private String describeEmpty() {
        HostViewModel h = host.get();
        if (h == null) {
            return "Select a host to see its zones.";
        }
        if (!hostRows.isEmpty()) {
            return describeFiltered();
        }
        ConnectionState state = h.stateProperty().get();
        return switch (state) {
            case NOT_CONNECTED -> "Not connected to " + h.nameProperty().get() + ".";
            case CONNECTING -> "Reading the zones of " + h.nameProperty().get() + "…";
            case FAILED -> "Could not read the zones of " + h.nameProperty().get() + ": " + h.problemProperty().get();
            case CONNECTED -> h.nameProperty().get() + " has no zones.";
        };
    }

    /** Why a host with zones shows none: which filter hid them. */
    private String describeFiltered() {
        String text = filterText.get() == null ? "" : filterText.get().strip();
        ZoneStateFilter state = stateFilter.get() == null ? ZoneStateFilter.ALL : stateFilter.get();
        if (state.state() == null) {
            return "No zone matches “" + text + "”.";
        }
        if (text.isEmpty()) {
            return "No zone is " + state.label() + ".";
        }
        return "No " + state.label() + " zone matches “" + text + "”.";
    }
}
