package org.kzmove.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.kzmove.console.ConsoleHost;
import org.kzmove.remote.profile.HostProfile;
import org.kzmove.remote.profile.HostProfileStore;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.ui.common.DialogService;
import org.kzmove.ui.hosts.SavedHosts;

/**
 * The console's saved hosts: the profiles of {@link KzmovePaths#hostProfiles()} (the file the CLI's
 * {@code kzmove hosts add} writes) and a {@link ProfileHost} for each.
 */
public final class ProfileHosts implements SavedHosts {
    private final HostProfileStore store;
    private final ConsoleServices services;
    private final DialogService dialogs;
    private final Path userKnownHosts;

    /** @param userKnownHosts read, never written: {@link #userKnownHosts()} except in tests */
    public ProfileHosts(ConsoleServices services, DialogService dialogs, Path userKnownHosts) {
        this.store = new HostProfileStore(services.paths().hostProfiles());
        this.services = services;
        this.dialogs = dialogs;
        this.userKnownHosts = userKnownHosts;
    }

    /** The user's OpenSSH known_hosts, {@code ~/.ssh/known_hosts} where ssh(1) reads it ({@link KzmovePaths#userSshDir()}). */
    public static Path userKnownHosts() {
        return KzmovePaths.userSshDir().resolve("known_hosts");
    }

    @Override
    public List<HostProfile> load() throws IOException {
        return store.list();
    }

    @Override
    public void save(HostProfile profile) throws IOException, InvalidValueException {
        store.add(profile);
    }

    @Override
    public void remove(String name) throws IOException {
        store.remove(name);
    }

    @Override
    public ConsoleHost open(HostProfile profile) {
        return new ProfileHost(profile, services, dialogs, userKnownHosts);
    }
}
