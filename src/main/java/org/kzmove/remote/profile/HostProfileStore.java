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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.kzmove.solaris.InvalidValueException;
import org.tinylog.Logger;

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

    /**
     * What the file holds.
     *
     * @param hosts   the usable profiles, by name
     * @param damaged one line for each saved host that cannot be used (the file, the host, what is wrong)
     * @param damagedNames the names of those hosts, where they have one
     */
    public record Listing(List<HostProfile> hosts, List<String> damaged, List<String> damagedNames) {
        public Listing {
            hosts = List.copyOf(hosts);
            damaged = List.copyOf(damaged);
            damagedNames = List.copyOf(damagedNames);
        }
    }

    /**
     * Every saved host; a host that cannot be used (a port out of range, a hostile address, a field
     * missing) is left out and said in one line, the others are still there.
     *
     * @throws IOException in one line when the file as a whole is not a host list
     */
    public synchronized Listing read() throws IOException {
        if (!Files.exists(file)) {
            return new Listing(List.of(), List.of(), List.of());
        }
        JsonNode doc;
        try {
            doc = json.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw notAHostList(firstLine(e.getOriginalMessage()), e);
        }
        if (doc == null || !doc.isObject()) {
            throw notAHostList("not a JSON object", null);
        }
        JsonNode entries = doc.path("hosts");
        if (!entries.isMissingNode() && !entries.isNull() && !entries.isArray()) {
            throw notAHostList("'hosts' is not a list", null);
        }
        List<HostProfile> hosts = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        List<String> damagedNames = new ArrayList<>();
        int n = 0;
        for (JsonNode entry : entries) {
            n++;
            String name = entry.path("name").isTextual() ? entry.path("name").asText() : null;
            String which = name == null ? "saved host number " + n : "saved host '" + InvalidValueException.printable(name) + "'";
            try {
                hosts.add(json.treeToValue(entry, HostProfile.class).validated());
            } catch (JsonProcessingException e) {
                damaged.add(file + ": " + which + ": " + firstLine(e.getOriginalMessage()) + "; left as it is");
                addIfNamed(damagedNames, name);
            } catch (InvalidValueException e) {
                damaged.add(file + ": " + which + ": " + e.getMessage() + "; left as it is");
                addIfNamed(damagedNames, name);
            }
        }
        hosts.sort(Comparator.comparing(HostProfile::name));
        return new Listing(hosts, damaged, damagedNames);
    }

    /** The usable saved hosts, by name; each unusable one is logged in one line and left out. */
    public synchronized List<HostProfile> list() throws IOException {
        Listing listing = read();
        listing.damaged().forEach(line -> Logger.warn("Skipping a damaged saved host: {}", line));
        return listing.hosts();
    }

    /** The saved host {@code name}; one that is saved but cannot be used is an error saying why, in one line. */
    public synchronized Optional<HostProfile> find(String name) throws IOException {
        Listing listing = read();
        int damaged = listing.damagedNames().indexOf(name);
        if (damaged >= 0) {
            throw new IOException(listing.damaged().stream()
                    .filter(line -> line.contains("saved host '" + InvalidValueException.printable(name) + "'"))
                    .findFirst().orElse(file + ": saved host '" + name + "' cannot be used"));
        }
        return listing.hosts().stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** The usable hosts, refusing when anything in the file is damaged: a rewrite would drop it. */
    private List<HostProfile> forRewrite() throws IOException {
        Listing listing = read();
        if (!listing.damaged().isEmpty()) {
            throw new IOException(listing.damaged().get(0).replaceFirst("; left as it is$", "")
                    + "; fix or remove it first, nothing was changed");
        }
        return listing.hosts();
    }

    private IOException notAHostList(String why, Exception cause) {
        return new IOException(file + " is not a valid kzmove host list (" + why + "); fix or remove it", cause);
    }

    private static void addIfNamed(List<String> names, String name) {
        if (name != null) {
            names.add(name);
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return InvalidValueException.printable(nl < 0 ? m : m.substring(0, nl));
    }

    /** Adds a profile; refuses a duplicate name. Nothing is written if validation fails. */
    public synchronized void add(HostProfile profile) throws IOException, InvalidValueException {
        profile.validated();
        List<HostProfile> hosts = new ArrayList<>(forRewrite());
        if (hosts.stream().anyMatch(h -> h.name().equals(profile.name()))) {
            throw new InvalidValueException("host profile name", profile.name(), "is already used by another host");
        }
        hosts.add(profile);
        save(hosts);
    }

    /** Removes a profile; returns false when there was none of that name. */
    public synchronized boolean remove(String name) throws IOException {
        List<HostProfile> hosts = new ArrayList<>(forRewrite());
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
