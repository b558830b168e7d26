package org.kzmove.sim.ssh;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.tinylog.Logger;

/**
 * The public keys allowed to log in. A key authorises the person; the login name they choose
 * selects which simulated user they become.
 */
public final class AuthorizedKeys {
    private final List<PublicKey> keys;

    public AuthorizedKeys(List<PublicKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** The keys of the user running the simulator: {@code ~/.ssh/authorized_keys} and {@code ~/.ssh/*.pub}. */
    public static AuthorizedKeys ofCurrentUser() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        List<PublicKey> keys = new ArrayList<>();
        Path authorized = ssh.resolve("authorized_keys");
        if (Files.isRegularFile(authorized)) {
            keys.addAll(read(authorized));
        }
        if (Files.isDirectory(ssh)) {
            try (DirectoryStream<Path> pubs = Files.newDirectoryStream(ssh, "*.pub")) {
                for (Path p : pubs) {
                    keys.addAll(read(p));
                }
            } catch (IOException e) {
                Logger.warn(e, "Cannot list {}", ssh);
            }
        }
        return new AuthorizedKeys(keys);
    }

    /** Keys from a file in authorized_keys format ({@code --authorized-keys FILE}, or one .pub file). */
    public static AuthorizedKeys fromFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such authorized keys file: " + file);
        }
        return new AuthorizedKeys(read(file));
    }

    private static List<PublicKey> read(Path file) {
        List<PublicKey> keys = new ArrayList<>();
        try {
            for (AuthorizedKeyEntry e : AuthorizedKeyEntry.readAuthorizedKeys(file)) {
                try {
                    PublicKey k = e.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                    if (k != null) {
                        keys.add(k);
                    }
                } catch (GeneralSecurityException | IOException ex) {
                    Logger.warn("Skipping an unreadable key in {}: {}", file, ex.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            Logger.warn("Cannot read authorized keys {}: {}", file, e.getMessage());
        }
        return keys;
    }

    public boolean contains(PublicKey key) {
        for (PublicKey k : keys) {
            if (KeyUtils.compareKeys(k, key)) {
                return true;
            }
        }
        return false;
    }

    public List<PublicKey> keys() {
        return keys;
    }
}
