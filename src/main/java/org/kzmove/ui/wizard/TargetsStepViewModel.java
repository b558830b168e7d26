package org.kzmove.ui.wizard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kzmove.inventory.FreeStorage;
import org.kzmove.migration.MoveTarget;
import org.kzmove.solaris.storage.InvalidStorageUriException;
import org.kzmove.solaris.storage.StorageUri;
import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.solaris.units.SolarisSize;
import org.kzmove.ui.common.TaskExecutor;
import org.kzmove.solaris.text.HostText;

/**
 * Step 2: the disks the zone's root pool moves to (two or more make a mirror). Every row is checked
 * as it is typed: the URI's grammar, the disk id, duplicates, and the zone's own current disks.
 * The host's free storage is read in the background and can be picked instead of typed.
 */
public final class TargetsStepViewModel {
    /** One current disk of the zone: its storage and id, which a target must not repeat. */
    public record CurrentDisk(StorageUri uri, Integer id) {
    }

    private final String zone;
    private final List<CurrentDisk> currentDisks;
    private final ObservableList<TargetRowViewModel> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final UriHelperViewModel helper = new UriHelperViewModel();
    private final ObservableList<FreeStorage> freeStorage = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper freeStorageStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper freeStorageLoading = new ReadOnlyBooleanWrapper(false);
    private final InvalidationListener revalidate = o -> revalidate();
    private final StringBinding layout;

    public TargetsStepViewModel(String zone, List<CurrentDisk> currentDisks) {
        this.zone = zone;
        this.currentDisks = List.copyOf(currentDisks);
        rows.addListener(revalidate);
        layout = Bindings.createStringBinding(this::describeLayout, rows);
        addTarget();
    }

    public ObservableList<TargetRowViewModel> rows() {
        return rows;
    }

    /** Adds an empty target row (another side of the mirror). */
    public TargetRowViewModel addTarget() {
        return addTarget("");
    }

    private TargetRowViewModel addTarget(String uri) {
        TargetRowViewModel row = new TargetRowViewModel(uri);
        row.uriProperty().addListener(revalidate);
        row.diskIdProperty().addListener(revalidate);
        rows.add(row);
        return row;
    }

    /** Removes a row; the last row stays (a move needs a target). */
    public void removeTarget(TargetRowViewModel row) {
        if (rows.size() > 1 && rows.remove(row)) {
            row.uriProperty().removeListener(revalidate);
            row.diskIdProperty().removeListener(revalidate);
        }
    }

    /** Puts {@code uri} in the first empty row, or in a new row when none is empty. */
    public void use(String uri) {
        rows.stream().filter(r -> r.uriProperty().get().isBlank()).findFirst()
                .orElseGet(this::addTarget).uriProperty().set(uri);
    }

    /** Uses the helper's URI, when it is valid. */
    public void useHelperUri() {
        if (helper.isValid()) {
            use(helper.uriBinding().get());
        }
    }

    public void useFreeStorage(FreeStorage storage) {
        if (storage != null) {
            use(storage.uri());
        }
    }

    public UriHelperViewModel helper() {
        return helper;
    }

    /** True when every row is a usable target (and there is at least one). */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** "One disk" or "a 2-way mirror": what the targets will make of the pool. */
    public StringBinding layoutBinding() {
        return layout;
    }

    /** The checked targets, in order, when all rows are valid. */
    public Optional<List<MoveTarget>> targets() {
        if (!valid.get()) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().map(r -> r.target().orElseThrow()).toList());
    }

    public ObservableList<FreeStorage> freeStorage() {
        return freeStorage;
    }

    /** Why the free storage list is empty or what it is doing ("Reading…", an error), or empty. */
    public ReadOnlyStringProperty freeStorageStatusProperty() {
        return freeStorageStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty freeStorageLoadingProperty() {
        return freeStorageLoading.getReadOnlyProperty();
    }

    /** Reads the host's free storage in the background; a failure is shown in the status, not thrown. */
    public void loadFreeStorage(TaskExecutor executor, java.util.concurrent.Callable<List<FreeStorage>> probe) {
        freeStorageLoading.set(true);
        freeStorageStatus.set("Reading the host's free storage…");
        executor.submit(probe, found -> {
            freeStorageLoading.set(false);
            freeStorage.setAll(found);
            freeStorageStatus.set(found.isEmpty() ? "The host reports no free storage." : "");
        }, failure -> {
            freeStorageLoading.set(false);
            freeStorageStatus.set(HostText.forDisplay("Could not read the host's free storage: " + failure.getMessage()));
        });
    }

    /** A free storage entry as the list shows it: the size first, so a narrow list still shows it. */
    public static String describe(FreeStorage s) {
        String size = s.sizeBytes() > 0 ? SolarisSize.format(s.sizeBytes()) : "size ?";
        return size + "  " + s.uri() + (s.note().isEmpty() ? "" : "  (" + s.note() + ")");
    }

    private void revalidate() {
        Map<String, Integer> seenUris = new HashMap<>();
        Map<Integer, Integer> seenIds = new HashMap<>();
        boolean allValid = !rows.isEmpty();
        for (int i = 0; i < rows.size(); i++) {
            TargetRowViewModel row = rows.get(i);
            String problem = check(row, i, seenUris, seenIds);
            allValid &= problem.isEmpty();
        }
        valid.set(allValid);
    }

    private String check(TargetRowViewModel row, int index, Map<String, Integer> seenUris, Map<Integer, Integer> seenIds) {
        String text = row.uriProperty().get() == null ? "" : row.uriProperty().get().strip();
        if (text.isEmpty()) {
            return fail(row, "Enter a storage URI, build one with the helper, or pick free storage.");
        }
        StorageUri uri;
        try {
            uri = StorageUris.parse(text);
        } catch (InvalidStorageUriException e) {
            return fail(row, "Not a storage URI: " + e.reason() + ".");
        }
        for (CurrentDisk d : currentDisks) {
            if (d.uri().sameStorage(uri)) {
                return fail(row, "This is already a disk of " + zone + (d.id() == null ? "" : " (id " + d.id() + ")")
                        + ": a move needs new storage.");
            }
        }
        Integer first = seenUris.putIfAbsent(uri.normalized(), index);
        if (first != null) {
            return fail(row, "Same storage as target " + (first + 1) + ": each target must be a different disk.");
        }
        Integer id = null;
        String idText = row.diskIdProperty().get() == null ? "" : row.diskIdProperty().get().strip();
        if (!idText.isEmpty()) {
            try {
                id = Integer.valueOf(idText);
            } catch (NumberFormatException e) {
                return fail(row, "Disk id must be a whole number from 0 to " + MoveTarget.MAX_DISK_ID + ", or empty.");
            }
            if (id < 0 || id > MoveTarget.MAX_DISK_ID) {
                return fail(row, "Disk id must be from 0 to " + MoveTarget.MAX_DISK_ID + ".");
            }
            Integer taken = id;
            if (currentDisks.stream().anyMatch(d -> taken.equals(d.id()))) {
                return fail(row, "Disk id " + id + " is used by a current disk of " + zone + " (c1d" + id + ").");
            }
            Integer other = seenIds.putIfAbsent(id, index);
            if (other != null) {
                return fail(row, "Disk id " + id + " is already given to target " + (other + 1) + ".");
            }
        }
        row.result(new MoveTarget(uri, id), "");
        return "";
    }

    private static String fail(TargetRowViewModel row, String problem) {
        row.result(null, problem);
        return problem;
    }

    private String describeLayout() {
        int n = rows.size();
        return n == 1 ? "One target: the root pool moves to a single disk."
                : n + " targets: the root pool becomes a " + n + "-way mirror.";
    }

    /** The current disks of a zone, for the duplicate check (URIs that do not parse are skipped). */
    public static List<CurrentDisk> currentDisksOf(List<org.kzmove.solaris.zone.KzDevice> devices) {
        List<CurrentDisk> disks = new ArrayList<>();
        for (var d : devices) {
            try {
                disks.add(new CurrentDisk(StorageUris.parse(d.storage()), d.id()));
            } catch (InvalidStorageUriException e) {
                // A template URI (%{zonename}) cannot equal a typed one; nothing to compare.
            }
        }
        return disks;
    }
}
