package org.kzmove.ui.wizard;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.remote.command.Privilege;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.units.SolarisSize;

/**
 * Step 5: what the move will do, in words and as the exact {@code zoneadm} command line, and how
 * long the resilver should take.
 */
public final class SummaryStepViewModel {
    private final String zone;
    private final Privilege privilege;
    /** The guest's allocated bytes in rpool (what the resilver copies); 0 when unknown. */
    private final long allocatedBytes;
    private final List<String> originalDisks;
    private final ReadOnlyObjectWrapper<ResilverRate> rate = new ReadOnlyObjectWrapper<>(ResilverRate.typical());
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper duration = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MoveRequest> request = new ReadOnlyObjectWrapper<>();

    public SummaryStepViewModel(String zone, Privilege privilege, long allocatedBytes, List<String> originalDisks) {
        this.zone = zone;
        this.privilege = privilege;
        this.allocatedBytes = allocatedBytes;
        this.originalDisks = List.copyOf(originalDisks);
        rate.addListener(o -> describeDuration());
    }

    /** Describes {@code newRequest}; throws when it is not a valid request (the wizard checks before). */
    public void show(MoveRequest newRequest) throws InvalidValueException {
        command.set(newRequest.command(privilege, true).toShellLine());
        request.set(newRequest);
        List<String> lines = new ArrayList<>();
        int n = newRequest.targets().size();
        lines.add("Add the " + (n == 1 ? "new disk" : n + " new disks") + " to " + zone
                + "'s configuration (live and persistent): " + uris(newRequest.targets()) + ".");
        int during = n + originalDisks.size();
        lines.add("Attach " + (n == 1 ? "it" : "them") + " to rpool inside the guest"
                + (during > 1 ? ", which is a " + during + "-way mirror for the time of the copy" : "")
                + (newRequest.forceZpoolAttach() ? ", overwriting any old pool label (force-zpool-attach)" : "") + ".");
        lines.add("Resilver: ZFS copies the pool's " + (allocatedBytes > 0 ? SolarisSize.format(allocatedBytes)
                + " of allocated data" : "allocated data") + " onto the new disks while the zone keeps running.");
        lines.add("Detach the original disk" + (originalDisks.size() == 1 ? "" : "s")
                + (originalDisks.isEmpty() ? "" : " (" + String.join(", ", originalDisks) + ")")
                + " from rpool, then remove " + (originalDisks.size() == 1 ? "it" : "them")
                + " from the zone's configuration; rpool ends " + (n == 1 ? "on the new disk" : "as a " + n
                + "-way mirror of the new disks") + ". The original storage itself is left untouched.");
        lines.add("If anything fails, or you cancel, zoneadm rolls back: the zone keeps its original disks "
                + "and the new ones are detached and removed again.");
        steps.setAll(lines);
        describeDuration();
    }

    /** Uses a rate learnt from the host's history (it arrives after the wizard opens). */
    public void useRate(ResilverRate learnt) {
        rate.set(learnt);
    }

    private void describeDuration() {
        ResilverRate r = rate.get();
        if (allocatedBytes <= 0) {
            duration.set("Unknown: the size of the zone's root pool could not be read.");
            return;
        }
        duration.set("Resilvering " + SolarisSize.format(allocatedBytes) + " should take "
                + r.durationRange(allocatedBytes) + ", at " + r.rateText() + " — " + r.source()
                + ". The real rate depends on the storage and the zone's load.");
    }

    private static String uris(List<MoveTarget> targets) {
        List<String> parts = new ArrayList<>();
        for (MoveTarget t : targets) {
            parts.add(t.uri().text() + (t.diskId() == null ? "" : " as c1d" + t.diskId()));
        }
        return String.join(", ", parts);
    }

    public ObservableList<String> steps() {
        return steps;
    }

    /** The exact command line kzmove will run on the host, privilege prefix included. */
    public ReadOnlyStringProperty commandProperty() {
        return command.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ResilverRate> rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MoveRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }
}
