package org.kzmove.sim.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.tinylog.Logger;

/**
 * The simulated host's ed25519 host key. It persists in an OpenSSH private-key file so the
 * console's known_hosts entry stays valid across restarts; one of the only two real files the
 * simulator writes (the other is the audit).
 */
public final class HostKeys {
    private HostKeys() {
    }

    /** Loads the key at {@code path}, or generates and saves one (mode 600) when there is none. */
    public static KeyPair loadOrCreate(Path path) throws IOException, GeneralSecurityException {
        if (Files.exists(path)) {
            Iterator<KeyPair> keys = new FileKeyPairProvider(path).loadKeys(null).iterator();
            if (!keys.hasNext()) {
                throw new IOException("no key pair in host key file " + path);
            }
            return keys.next();
        }
        KeyPair pair = generate();
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
            restrictToOwner(path);
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "kzmove simulated host", null, out);
        }
        Logger.info("Generated simulated host key {} ({})", path, fingerprint(pair));
        return pair;
    }

    /** A fresh ed25519 pair (MINA's generator: MINA cannot encode the JDK's own Ed25519 keys). */
    public static KeyPair generate() throws GeneralSecurityException {
        return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    }

    /** OpenSSH style {@code SHA256:base64-without-padding}. */
    public static String fingerprint(KeyPair pair) {
        return KeyUtils.getFingerPrint(pair.getPublic());
    }

    /** {@code ssh-ed25519 AAAA...}, the key part of a known_hosts line. */
    public static String publicKeyLine(KeyPair pair) {
        return PublicKeyEntry.toString(pair.getPublic());
    }

    private static void restrictToOwner(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            Logger.debug("cannot restrict permissions of {}: {}", path, e.getMessage());
        }
    }
}
