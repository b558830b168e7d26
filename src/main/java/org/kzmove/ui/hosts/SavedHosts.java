package org.kzmove.ui.hosts;

import java.io.IOException;
import java.util.List;

import org.kzmove.console.ConsoleHost;
import org.kzmove.remote.profile.HostProfile;
import org.kzmove.solaris.InvalidValueException;

/**
 * The saved host profiles and the hosts made from them, as the hosts list needs them. Every method
 * but {@link #open} reads or writes the profile file: call them through the task executor.
 * The console's implementation is {@code app.ProfileHosts}; tests pass a fake.
 */
public interface SavedHosts {

    /** The saved profiles, sorted by name. */
    List<HostProfile> load() throws IOException;

    /** Saves a new profile; refuses an invalid one or a name already used, writing nothing. */
    void save(HostProfile profile) throws IOException, InvalidValueException;

    /** Forgets a profile (its host keys stay trusted). */
    void remove(String name) throws IOException;

    /** A host for {@code profile}, not connected yet (cheap: no disk, no network). */
    ConsoleHost open(HostProfile profile);
}
