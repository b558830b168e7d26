package org.kzmove.ui.hosts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kzmove.console.ConsoleHost;
import org.kzmove.remote.profile.HostProfile;
import org.kzmove.solaris.InvalidValueException;

/** Saved hosts in memory; each opened host is a {@link FakeHostSource} answering the next scripted inventory. */
public final class FakeSavedHosts implements SavedHosts {
    private final List<HostProfile> profiles = new ArrayList<>();
    private final Map<String, FakeHostSource> opened = new LinkedHashMap<>();
    private IOException loadFailure;
    private IOException saveFailure;
    private IOException removeFailure;
    private Exception connectFailure;
    private int loads;

    public FakeSavedHosts with(HostProfile... saved) {
        profiles.addAll(List.of(saved));
        return this;
    }

    public FakeSavedHosts failLoading(IOException e) {
        loadFailure = e;
        return this;
    }

    public FakeSavedHosts failSaving(IOException e) {
        saveFailure = e;
        return this;
    }

    public FakeSavedHosts failRemoving(IOException e) {
        removeFailure = e;
        return this;
    }

    /** Hosts opened from now on fail to connect with {@code e} (null: they connect). */
    public FakeSavedHosts failConnecting(Exception e) {
        connectFailure = e;
        return this;
    }

    @Override
    public List<HostProfile> load() throws IOException {
        loads++;
        if (loadFailure != null) {
            throw loadFailure;
        }
        return List.copyOf(profiles);
    }

    @Override
    public void save(HostProfile profile) throws IOException, InvalidValueException {
        if (saveFailure != null) {
            throw saveFailure;
        }
        profiles.add(profile.validated());
    }

    @Override
    public void remove(String name) throws IOException {
        if (removeFailure != null) {
            throw removeFailure;
        }
        profiles.removeIf(p -> p.name().equals(name));
    }

    @Override
    public ConsoleHost open(HostProfile profile) {
        FakeHostSource host = new FakeHostSource(profile.name());
        if (connectFailure != null) {
            host.fails(connectFailure);
        } else {
            host.answers(FakeHostSource.twoZones());
        }
        opened.put(profile.name() + "#" + opened.size(), host);
        return host;
    }

    public List<HostProfile> profiles() {
        return List.copyOf(profiles);
    }

    /** Every host opened so far, in order. */
    public List<FakeHostSource> opened() {
        return List.copyOf(opened.values());
    }

    public int loads() {
        return loads;
    }
}
