package org.kzmove.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.kzmove.console.ConsoleHost;
import org.kzmove.console.SessionHost;
import org.kzmove.inventory.FreeStorage;
import org.kzmove.inventory.HostInventory;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.precheck.PrecheckReport;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.RemoteException.Reason;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.profile.HostProfile;
import org.kzmove.remote.ssh.HostKeyTrust;
import org.kzmove.remote.ssh.KnownHostsVerifier;
import org.kzmove.remote.ssh.SshAuth;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.remote.ssh.SshTarget;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.ui.common.DialogService;
import org.tinylog.Logger;

/**
 * A saved host profile as a console host: the services of a {@link SessionHost} whose connections
 * log in with the profile's key file or a password, both asked through the {@link DialogService}
 * when needed, and whose host key is checked against the user's {@code ~/.ssh/known_hosts} (read
 * only) and kzmove's own known_hosts (where a key the user trusts in the dialog is written).
 *
 * <p>The password or key passphrase is kept <em>in memory only</em>, after the user typed it, so
 * that the session can reconnect without a dialog while it follows a move (a dropped connection
 * must not wait for someone to come back to the screen). It is handed to each connection as a copy
 * (the connection wipes its copy), forgotten as soon as the host refuses it, and wiped when the
 * host is closed (removed from the list, or the console closes). See decision 0010.
 */
public final class ProfileHost implements ConsoleHost {
    private final HostProfile profile;
    private final SshTarget target;
    private final DialogService dialogs;
    private final Path userKnownHosts;
    private final Path ownKnownHosts;
    private final SessionHost session;
    /** The secret the user typed, kept for reconnects; null until asked, after a refusal, after close. */
    private char[] remembered;
    /** True when the user cancelled the secret dialog during the connection being opened. */
    private boolean declined;

    /**
     * @param userKnownHosts the user's OpenSSH known_hosts, read but never written
     *                       (normally {@code ~/.ssh/known_hosts}; tests point it elsewhere)
     */
    public ProfileHost(HostProfile profile, ConsoleServices services, DialogService dialogs, Path userKnownHosts) {
        this.profile = profile;
        this.target = new SshTarget(profile.address(), profile.port(), profile.user());
        this.dialogs = dialogs;
        this.userKnownHosts = userKnownHosts;
        this.ownKnownHosts = services.paths().knownHosts();
        this.session = services.host(profile.name(), target, this::connect, profile.privilege());
    }

    /** The profile this host was made from. */
    public HostProfile profile() {
        return profile;
    }

    @Override
    public String name() {
        return profile.name();
    }

    @Override
    public String address() {
        return target.display();
    }

    @Override
    public Privilege privilege() {
        return profile.privilege();
    }

    @Override
    public HostInventory load() throws RemoteException {
        return session.load();
    }

    @Override
    public List<FreeStorage> freeStorage(HostInventory known) throws RemoteException {
        return session.freeStorage(known);
    }

    @Override
    public PrecheckReport precheck(MoveRequest request) throws RemoteException, InvalidValueException {
        return session.precheck(request);
    }

    @Override
    public MoveJob startMove(MoveRequest request, MoveListener listener) throws RemoteException, InvalidValueException {
        return session.startMove(request, listener);
    }

    @Override
    public List<MoveJob> reattach(MoveListener listener) throws RemoteException {
        return session.reattach(listener);
    }

    @Override
    public List<JobRecord> jobHistory() throws IOException {
        return session.jobHistory();
    }

    /** Disconnects (moves go on on the host) and wipes the remembered secret. */
    @Override
    public void close() {
        session.close();
        forgetSecret();
    }

    /** Opens one connection: the session calls this on first use and to reconnect (never on the FX thread). */
    private SshConnection connect() throws RemoteException {
        KnownHostsVerifier verifier = new KnownHostsVerifier(List.of(userKnownHosts), ownKnownHosts, this::askTrust);
        synchronized (this) {
            declined = false;
        }
        try {
            return SshConnection.open(target, List.of(auth()), verifier, SshConnection.Timeouts.DEFAULT);
        } catch (RemoteException e) {
            if (e.reason() == Reason.AUTHENTICATION || e.reason() == Reason.LOCAL) {
                // A refused secret is never offered again: the next connection asks the user anew.
                forgetSecret();
            }
            if (wasDeclined()) {
                throw new RemoteException(Reason.LOCAL, target.display(), "Not connected to " + profile.name()
                        + ": no " + secretKind() + " was given.", e);
            }
            if (e.reason() == Reason.HOST_KEY_CHANGED) {
                throw changedKey(verifier.lastPresented(), e);
            }
            throw e;
        }
    }

    private SshAuth auth() {
        if (profile.keyFile() != null) {
            return new SshAuth.KeyFile(Path.of(profile.keyFile()), what -> secret("Key passphrase for " + profile.name(),
                    "Enter the passphrase of the key file " + profile.keyFile() + " to log in to " + target.display()
                            + "."));
        }
        return new SshAuth.Password(what -> secret("Password for " + profile.name(),
                "Enter the password of " + target.display() + "."));
    }

    private boolean askTrust(HostKeyTrust.PresentedHostKey key) {
        return dialogs.trustHostKey(profile.name(), key);
    }

    /**
     * The secret for one connection: a copy of the remembered one, else asked. The connection wipes
     * what it is given; the remembered copy stays until refused or closed.
     */
    private synchronized char[] secret(String title, String prompt) {
        if (remembered != null) {
            return remembered.clone();
        }
        Optional<char[]> answer = dialogs.askSecret(title, prompt);
        if (answer.isEmpty()) {
            declined = true;
            return null;
        }
        remembered = answer.get().clone();
        return answer.get();
    }

    private synchronized boolean wasDeclined() {
        return declined;
    }

    private synchronized void forgetSecret() {
        if (remembered != null) {
            Arrays.fill(remembered, '\0');
            remembered = null;
        }
    }

    /** True while a password or passphrase is held for reconnects (tests check it is wiped). */
    synchronized boolean holdsSecret() {
        return remembered != null;
    }

    private String secretKind() {
        return profile.keyFile() != null ? "key passphrase" : "password";
    }

    /**
     * The refusal of a changed key, in words a person can act on: which key the host shows now, which
     * known_hosts lines record another, and how to check and replace it.
     */
    private RemoteException changedKey(HostKeyTrust.PresentedHostKey presented, RemoteException cause) {
        String entry = presented == null ? target.host() : presented.hostEntry();
        List<String> lines = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path file : List.of(userKnownHosts, ownKnownHosts)) {
            List<Integer> listing = linesListing(file, entry);
            for (int line : listing) {
                lines.add(file + " line " + line);
            }
            if (!listing.isEmpty()) {
                files.add(file);
            }
        }
        String file = files.size() == 1 ? files.get(0).toString() : "FILE";
        String where = lines.isEmpty() ? "a known_hosts file" : String.join(", ", lines);
        String now = presented == null ? "another key" : presented.keyType() + " " + presented.fingerprint();
        String message = "The host key of " + profile.name() + " (" + entry + ") has CHANGED: it now presents " + now
                + ", not the key recorded in " + where + ". Someone could be intercepting the connection, or the host "
                + "was reinstalled or given new SSH keys. kzmove refuses to connect. If the change is expected, check "
                + "the new fingerprint on the host (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), remove the old "
                + "line (ssh-keygen -R '" + entry + "' -f " + file + "), and connect again to trust the new key.";
        Logger.warn("Refused a changed host key of {} ({}): {}; recorded in {}", profile.name(), entry, now, where);
        return new RemoteException(Reason.HOST_KEY_CHANGED, target.display(), message, cause);
    }

    /** The 1-based numbers of the lines of an OpenSSH known_hosts file that list {@code entry} (hashed or not). */
    static List<Integer> linesListing(Path file, String entry) {
        List<Integer> found = new ArrayList<>();
        if (!Files.isReadable(file)) {
            return found;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\s+");
                String hosts = fields[0].startsWith("@") && fields.length > 1 ? fields[1] : fields[0];
                if (lists(hosts, entry)) {
                    found.add(i + 1);
                }
            }
        } catch (IOException e) {
            Logger.debug("Cannot read {}: {}", file, e.getMessage());
        }
        return found;
    }

    private static boolean lists(String hosts, String entry) {
        if (hosts.startsWith("|1|")) {
            // OpenSSH's HashKnownHosts: |1|base64(salt)|base64(HMAC-SHA1(salt, entry)).
            String[] parts = hosts.split("\\|");
            if (parts.length != 4) {
                return false;
            }
            try {
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(salt, "HmacSHA1"));
                byte[] expected = Base64.getDecoder().decode(parts[3]);
                return MessageDigest.isEqual(expected, mac.doFinal(entry.getBytes(StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                return false;
            }
        }
        return Arrays.asList(hosts.split(",")).contains(entry);
    }
}
