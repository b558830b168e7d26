package org.kzmove.ui.wizard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Step 3: the move's options. Only one exists: {@code -x force-zpool-attach}. */
public final class OptionsStepViewModel {
    /** What the option does, for people who have not read zoneadm(8). */
    public static final String FORCE_ZPOOL_ATTACH_EXPLANATION = """
            Normally the guest refuses to attach a disk that still carries the label of another ZFS pool \
            (for example a LUN that was used before, or one a previous test left behind), and the move stops \
            at that point and is rolled back.
            With this option the attach goes ahead anyway: whatever pool label is on the new disks is \
            overwritten. The risk: if that other pool is still in use somewhere (another host, another zone), \
            its data on these disks is destroyed. Only tick it when you know the new disks hold nothing you need.""";

    private final BooleanProperty forceZpoolAttach = new SimpleBooleanProperty(false);

    public BooleanProperty forceZpoolAttachProperty() {
        return forceZpoolAttach;
    }
}
