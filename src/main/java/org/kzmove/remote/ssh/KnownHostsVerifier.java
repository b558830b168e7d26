package org.kzmove.remote.ssh;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.tinylog.Logger;

/**
 * Verifies host keys the way OpenSSH does, against the user's {@code ~/.ssh/known_hosts} (read
 * only) and kzmove's own known_hosts (where newly trusted keys are added):
 * <ul>
 *   <li>a key listed for the host in either file is accepted;</li>
 *   <li>a host listed with a <em>different</em> key is refused, whatever the trust callback says;</li>
 *   <li>an unlisted host goes to the {@link HostKeyTrust} callback with its SHA256 fingerprint.</li>
 * </ul>
 * After a refusal, {@link #lastRefusal()} says why, so the connection can raise a typed error.
 */
public final class KnownHostsVerifier implements HostKeyVerifier {

    /** The outcome of the last verification that failed. */
    public enum Refusal { NONE, UNKNOWN_NOT_TRUSTED, CHANGED }

    private final List<Path> readOnlyFiles;
    private final Path ownFile;
    private final HostKeyTrust trust;
    private volatile Refusal lastRefusal = Refusal.NONE;
    private volatile HostKeyTrust.PresentedHostKey lastPresented;

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

    private List<Path> allFiles() {
        List<Path> files = new ArrayList<>(readOnlyFiles);
        files.add(ownFile);
        return files;
    }

    private enum Outcome { MATCH, CHANGED, UNKNOWN }

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
            File file = ownFile.toFile();
            OpenSSHKnownHosts known = new OpenSSHKnownHosts(file);
            String entry = port == 22 ? hostname : "[" + hostname + "]:" + port;
            known.write(new OpenSSHKnownHosts.HostEntry(null, entry, KeyType.fromKey(key), key));
        } catch (IOException e) {
            // Trusted for this connection; the user will be asked again next time.
            Logger.warn("Could not record the host key in {}: {}", ownFile, e.getMessage());
        }
    }
}
