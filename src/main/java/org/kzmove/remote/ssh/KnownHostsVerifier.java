package org.kzmove.remote.ssh;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.tinylog.Logger;

/**
 * Verifies host keys the way OpenSSH does, against the user's {@code ~/.ssh/known_hosts} (read
 * only) and kzmove's own known_hosts (where newly trusted keys are added):
 * <ul>
 *   <li>a key marked {@code @revoked} for the host in either file is refused, whatever other lines
 *   say (sshd(8), SSH_KNOWN_HOSTS FILE FORMAT); sshj alone would accept it when another line lists it,
 *   and call it "changed" when none does;</li>
 *   <li>a key listed for the host in either file is accepted;</li>
 *   <li>a host listed with a <em>different</em> key is refused, whatever the trust callback says;</li>
 *   <li>an unlisted host goes to the {@link HostKeyTrust} callback with its SHA256 fingerprint.</li>
 * </ul>
 * After a refusal, {@link #lastRefusal()} says why, so the connection can raise a typed error.
 */
public final class KnownHostsVerifier implements HostKeyVerifier {

    /** The outcome of the last verification that failed. */
    public enum Refusal { NONE, UNKNOWN_NOT_TRUSTED, CHANGED, REVOKED }

    /** A line of a known_hosts file, numbered from 1 as editors and ssh-keygen number them. */
    public record FileLine(Path file, int line) {
        @Override
        public String toString() {
            return file + " line " + line;
        }
    }

    private static final String REVOKED_MARKER = OpenSSHKnownHosts.Marker.REVOKED.getMarkerString();

    private final List<Path> readOnlyFiles;
    private final Path ownFile;
    private final HostKeyTrust trust;
    private volatile Refusal lastRefusal = Refusal.NONE;
    private volatile HostKeyTrust.PresentedHostKey lastPresented;
    private volatile FileLine lastRevocation;

    public KnownHostsVerifier(List<Path> readOnlyFiles, Path ownFile, HostKeyTrust trust) {
        this.readOnlyFiles = List.copyOf(readOnlyFiles);
        this.ownFile = ownFile;
        this.trust = trust;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String entry = port == 22 ? hostname : "[" + hostname + "]:" + port;
        HostKeyTrust.PresentedHostKey presented =
                new HostKeyTrust.PresentedHostKey(entry, KeyType.fromKey(key).toString(), Fingerprints.sha256(key));
        lastPresented = presented;
        lastRevocation = null;
        Optional<FileLine> revoked = findRevocation(hostname, port, key);
        if (revoked.isPresent()) {
            lastRefusal = Refusal.REVOKED;
            lastRevocation = revoked.get();
            Logger.info("Host key {} {} of {} is marked @revoked in {}; refusing to connect", presented.keyType(),
                    presented.fingerprint(), entry, revoked.get());
            return false;
        }
        boolean changed = false;
        for (Path file : allFiles()) {
            Outcome outcome = check(file, hostname, port, key);
            if (outcome == Outcome.MATCH) {
                lastRefusal = Refusal.NONE;
                return true;
            }
            changed |= outcome == Outcome.CHANGED;
        }
        if (changed) {
            lastRefusal = Refusal.CHANGED;
            // info, not warn: the caller reports the refusal itself as a typed error, once.
            Logger.info("Host key for {} has CHANGED (now {} {}); refusing to connect", entry, presented.keyType(),
                    presented.fingerprint());
            return false;
        }
        if (!trust.trust(presented)) {
            lastRefusal = Refusal.UNKNOWN_NOT_TRUSTED;
            return false;
        }
        remember(hostname, port, key);
        lastRefusal = Refusal.NONE;
        return true;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        Set<String> algorithms = new LinkedHashSet<>();
        for (Path file : allFiles()) {
            try {
                algorithms.addAll(new OpenSSHKnownHosts(file.toFile()).findExistingAlgorithms(hostname, port));
            } catch (IOException e) {
                Logger.warn("Cannot read {}: {}", file, e.getMessage());
            }
        }
        return new ArrayList<>(algorithms);
    }

    public Refusal lastRefusal() {
        return lastRefusal;
    }

    /** The key presented in the last verification (for messages), or null before any. */
    public HostKeyTrust.PresentedHostKey lastPresented() {
        return lastPresented;
    }

    /** Where the key presented in the last verification is marked {@code @revoked}, or null. */
    public FileLine lastRevocation() {
        return lastRevocation;
    }

    private List<Path> allFiles() {
        List<Path> files = new ArrayList<>(readOnlyFiles);
        files.add(ownFile);
        return files;
    }

    private enum Outcome { MATCH, CHANGED, UNKNOWN }

    /**
     * The first {@code @revoked} line, in any file, that lists {@code key} for the host. Read line by line
     * here rather than through sshj's entries, which skip unparsable lines and so lose the line numbers
     * the message names. Each line is still matched by sshj (host patterns, hashed names, key types).
     */
    private Optional<FileLine> findRevocation(String hostname, int port, PublicKey key) {
        KeyType type = KeyType.fromKey(key);
        String host = port == 22 ? hostname.toLowerCase(Locale.ROOT) : "[" + hostname.toLowerCase(Locale.ROOT) + "]:" + port;
        for (Path file : allFiles()) {
            if (!Files.isReadable(file)) {
                continue;
            }
            try {
                OpenSSHKnownHosts.EntryFactory parser = new OpenSSHKnownHosts(new StringReader("")).new EntryFactory();
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (!line.startsWith(REVOKED_MARKER + " ") && !line.startsWith(REVOKED_MARKER + "\t")) {
                        continue;
                    }
                    // Parsed without its marker: sshj's entry then compares the key instead of refusing it.
                    if (revokes(parser, line.substring(REVOKED_MARKER.length()).strip(), type, host, key)) {
                        return Optional.of(new FileLine(file, i + 1));
                    }
                }
            } catch (IOException e) {
                Logger.warn("Cannot read known hosts file {} for revoked keys: {}", file, e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static boolean revokes(OpenSSHKnownHosts.EntryFactory parser, String unmarked, KeyType type, String host,
            PublicKey key) {
        try {
            OpenSSHKnownHosts.KnownHostEntry entry = parser.parseEntry(unmarked);
            return entry != null && entry.appliesTo(type, host) && entry.verify(key);
        } catch (IOException | SSHRuntimeException e) {
            return false; // not a line sshj can read: it cannot list the key either
        }
    }

    private static Outcome check(Path file, String hostname, int port, PublicKey key) {
        if (!Files.isReadable(file)) {
            return Outcome.UNKNOWN;
        }
        Outcome[] result = {Outcome.UNKNOWN};
        try {
            OpenSSHKnownHosts known = new OpenSSHKnownHosts(file.toFile()) {
                @Override
                protected boolean hostKeyUnverifiableAction(String host, PublicKey k) {
                    result[0] = Outcome.UNKNOWN;
                    return false;
                }

                @Override
                protected boolean hostKeyChangedAction(String host, PublicKey k) {
                    result[0] = Outcome.CHANGED;
                    return false;
                }
            };
            if (known.verify(hostname, port, key)) {
                return Outcome.MATCH;
            }
        } catch (IOException e) {
            Logger.warn("Cannot read known hosts file {}: {}", file, e.getMessage());
        }
        return result[0];
    }

    private void remember(String hostname, int port, PublicKey key) {
        try {
            Path parent = ownFile.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            startOnNewLine(ownFile);
            File file = ownFile.toFile();
            OpenSSHKnownHosts known = new OpenSSHKnownHosts(file);
            String entry = port == 22 ? hostname : "[" + hostname + "]:" + port;
            known.write(new OpenSSHKnownHosts.HostEntry(null, entry, KeyType.fromKey(key), key));
        } catch (IOException e) {
            // Trusted for this connection; the user will be asked again next time.
            Logger.warn("Could not record the host key in {}: {}", ownFile, e.getMessage());
        }
    }

    /** A file cut short (no final newline) would get the new entry glued onto its last line. */
    private static void startOnNewLine(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        byte[] last = new byte[1];
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
            channel.position(channel.size() - 1);
            channel.read(ByteBuffer.wrap(last));
        }
        if (last[0] != '\n') {
            Files.writeString(file, System.lineSeparator(), StandardOpenOption.APPEND);
        }
    }
}
