package org.kzmove.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.kzmove.app.KzmovePaths;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.ssh.AuthorizedKeys;
import org.kzmove.sim.ssh.HostKeys;

/**
 * The workload from which the build makes kzmove's class-data-sharing archive (decision 18): the
 * JVM records every class a run loads, and later runs map them from the archive instead of
 * reading, verifying and linking them again. It runs what starts most often: {@code --help}, and
 * {@code kzmove zones} over real SSH (sshj, BouncyCastle, Jackson) against a simulated host on
 * 127.0.0.1, in a temporary directory that it removes. Nothing is printed, nothing outside that
 * directory is read or written, and no host but the one it starts is contacted.
 *
 * <p>Run by the build ({@code pom.xml}, phase {@code package}) as
 * {@code java -XX:ArchiveClassesAtExit=target/kzmove.jsa -cp <the launcher's class path> org.kzmove.cli.StartupTraining}.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        // The archive only makes starts faster: a training that fails leaves a smaller archive and a
        // warning, never a failed build.
        Path dir = Files.createTempDirectory("kzmove-cds-");
        try {
            int status = train(dir);
            if (status != ExitCodes.OK) {
                System.err.println("kzmove startup training: 'kzmove zones' ended with status " + status
                        + "; the class-data-sharing archive covers fewer classes");
            }
        } catch (Exception e) {
            System.err.println("kzmove startup training failed (" + e + "); the class-data-sharing archive covers "
                    + "fewer classes");
        } finally {
            deleteTree(dir);
        }
        System.exit(0);
    }

    static int train(Path dir) throws Exception {
        CliIo quiet = new CliIo(new ByteArrayInputStream(new byte[0]), discard(), discard());
        Main.standard().run(List.of("--help"), quiet);

        KeyPair client = HostKeys.generate();
        Path key = dir.resolve("id_ed25519");
        try (OutputStream out = Files.newOutputStream(key)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(client, "kzmove startup training", null, out);
        }
        KzmovePaths paths = new KzmovePaths(dir.resolve("config"), dir.resolve("data"));
        try (SimulatedHost host = SimulatedHost.start(new SimulatedHost.Options().bindAddress("127.0.0.1").port(0)
                .hostKey(HostKeys.generate()).authorizedKeys(new AuthorizedKeys(List.of(client.getPublic()))))) {
            Main zones = new Main(List.of(new ZonesCommand(() -> paths)));
            return zones.run(List.of("zones", "kzadmin@127.0.0.1:" + host.port(), "-i", key.toString(), "--known-hosts",
                    dir.resolve("known_hosts").toString(), "--accept-new-host-key"), quiet);
        }
    }

    private static PrintStream discard() {
        return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
