package org.kzmove.remote.profile;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.kzmove.solaris.InvalidValueException;

/**
 * Host profiles in one JSON file ({@code {"hosts": [...]}}), replaced atomically on every change
 * so a crash never leaves half a file. Holds no secrets by construction: {@link HostProfile} has no
 * field for one.
 */
public final class HostProfileStore {
    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's layout; unknown fields from newer versions are ignored on read. */
    record Document(List<HostProfile> hosts) {
    }

    public HostProfileStore(Path file) {
        this.file = file;
    }

    public synchronized List<HostProfile> list() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            Document doc = json.readValue(file.toFile(), Document.class);
            List<HostProfile> hosts = new ArrayList<>(doc.hosts() == null ? List.of() : doc.hosts());
            hosts.sort(Comparator.comparing(HostProfile::name));
            return List.copyOf(hosts);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a valid kzmove host list (" + e.getOriginalMessage()
                    + "); fix or remove it", e);
        }
    }

    public synchronized Optional<HostProfile> find(String name) throws IOException {
        return list().stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** Adds a profile; refuses a duplicate name. Nothing is written if validation fails. */
    public synchronized void add(HostProfile profile) throws IOException, InvalidValueException {
        profile.validated();
        List<HostProfile> hosts = new ArrayList<>(list());
        if (hosts.stream().anyMatch(h -> h.name().equals(profile.name()))) {
            throw new InvalidValueException("host profile name", profile.name(), "is already used by another host");
        }
        hosts.add(profile);
        save(hosts);
    }

    /** Removes a profile; returns false when there was none of that name. */
    public synchronized boolean remove(String name) throws IOException {
        List<HostProfile> hosts = new ArrayList<>(list());
        boolean removed = hosts.removeIf(h -> h.name().equals(name));
        if (removed) {
            save(hosts);
        }
        return removed;
    }

    private void save(List<HostProfile> hosts) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "hosts", ".tmp");
        try {
            json.writeValue(tmp.toFile(), new Document(hosts));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
