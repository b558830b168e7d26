package org.kzmove.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.migration.engine.FinalOutcome;
import org.kzmove.migration.engine.MoveEngine;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.engine.MoveResult;
import org.kzmove.migration.job.HostJobFiles;
import org.kzmove.migration.job.JobStore;
import org.kzmove.remote.audit.RemoteCommandAudit;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.session.HostSession;
import org.kzmove.remote.ssh.HostKeyTrust;
import org.kzmove.remote.ssh.KnownHostsVerifier;
import org.kzmove.remote.ssh.SshAuth;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.remote.ssh.SshTarget;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.ssh.AuthorizedKeys;
import org.kzmove.solaris.storage.StorageUris;

/**
 * "kzmove must add no more than a second": the same move (zone mykz of the test scenario onto a
 * 20G LUN, same seed, same time scale) run (a) directly, {@code pfexec zoneadm ... move -v} over an
 * sshj exec channel read to its end, and (b) by the engine, from {@code start} (pre-read of the
 * zone, detached start) to the verified result (liveness check, final read, verification). Each run
 * gets a fresh simulated host so both see the same zone.
 */
public final class MoveEngineBench {
    private static final Path SCENARIO = Path.of("src/test/resources/scenarios/test-host.json");
    private static final String ZONE = "mykz";
    private static final String TARGET = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006";

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 50;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("kzmove-bench");
        List<Double> direct = new ArrayList<>();
        List<Double> engine = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            double d = runDirect(dir.resolve("d" + i), scale);
            double e = runEngine(dir.resolve("e" + i), scale);
            direct.add(d);
            engine.add(e);
            System.out.printf("run %d: direct %.3f s, engine %.3f s, difference %+.3f s%n", i, d, e, e - d);
        }
        Collections.sort(direct);
        Collections.sort(engine);
        double md = direct.get(runs / 2);
        double me = engine.get(runs / 2);
        System.out.printf("result: time scale %.0f, median direct %.3f s, median engine %.3f s, engine adds %+.3f s%n",
                scale, md, me, me - md);
    }

    private record Host(SimulatedHost sim, KeyPair clientKey, Path knownHosts) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            sim.close();
        }
    }

    private static Host host(Path dir, double scale) throws Exception {
        Files.createDirectories(dir);
        KeyPair client = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        SimulatedHost sim = SimulatedHost.start(new SimulatedHost.Options().scenario(SCENARIO).port(0).timeScale(scale)
                .hostKey(KeyUtils.generateKeyPair("ssh-ed25519", 256))
                .authorizedKeys(new AuthorizedKeys(List.of(client.getPublic()))));
        Path known = dir.resolve("known_hosts");
        Files.writeString(known, sim.knownHostsLine() + "\n");
        return new Host(sim, client, known);
    }

    private static double runDirect(Path dir, double scale) throws Exception {
        try (Host h = host(dir, scale); SSHClient ssh = new SSHClient()) {
            ssh.addHostKeyVerifier(new OpenSSHKnownHosts(h.knownHosts().toFile()));
            ssh.connect("127.0.0.1", h.sim().port());
            ssh.authPublickey("kzadmin", ssh.loadKeys(h.clientKey()));
            long t0 = System.nanoTime();
            try (Session s = ssh.startSession()) {
                Session.Command cmd = s.exec("pfexec zoneadm -z " + ZONE + " move -v -p " + TARGET);
                InputStream in = cmd.getInputStream();
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                cmd.join(60, TimeUnit.SECONDS);
                if (!out.contains("Live storage migration succeeded.")) {
                    throw new IllegalStateException("direct move did not succeed:\n" + out);
                }
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static double runEngine(Path dir, double scale) throws Exception {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(4);
        try (Host h = host(dir, scale)) {
            SshTarget target = new SshTarget("127.0.0.1", h.sim().port(), "kzadmin");
            KnownHostsVerifier verifier = new KnownHostsVerifier(List.of(), h.knownHosts(), HostKeyTrust.REFUSE);
            HostSession session = new HostSession(target, () -> SshConnection.open(target,
                    List.of(new SshAuth.InMemoryKey(h.clientKey())), verifier, SshConnection.Timeouts.DEFAULT),
                    HostSession.Backoff.DEFAULT, HostSession.Pause.SLEEP, RemoteCommandAudit.NONE, Clock.systemUTC());
            // Same footing as the direct run: the connection is open before the clock starts.
            session.run(HostJobFiles.forUser("kzadmin").prepareDirectory(), Duration.ofSeconds(10));
            MoveEngine engine = new MoveEngine(session, new JobStore(dir.resolve("jobs")), HostJobFiles.forUser("kzadmin"),
                    Privilege.PFEXEC, executor, Clock.systemUTC(), MoveEngine.Settings.DEFAULT);
            MoveRequest request = new MoveRequest(ZONE, List.of(new MoveTarget(StorageUris.parse(TARGET), null)), false);
            long t0 = System.nanoTime();
            MoveJob job = engine.start(request, MoveListener.NONE);
            long started = System.nanoTime();
            long[] outcomeLine = new long[1];
            job.addListener(new MoveListener() {
                @Override
                public void onEvent(org.kzmove.solaris.move.MoveEvent event) {
                    if (event instanceof org.kzmove.solaris.move.MoveEvent.MoveSucceeded) {
                        outcomeLine[0] = System.nanoTime();
                    }
                }
            });
            MoveResult r = job.result().get(120, TimeUnit.SECONDS);
            long end = System.nanoTime();
            double seconds = (end - t0) / 1e9;
            System.out.printf("  engine: start (pre-read, mkdir, detached start) %.3f s; outcome line to verified result %.3f s%n",
                    (started - t0) / 1e9, outcomeLine[0] == 0 ? Double.NaN : (end - outcomeLine[0]) / 1e9);
            if (r.outcome() != FinalOutcome.SUCCEEDED) {
                throw new IllegalStateException("engine move ended " + r.outcome());
            }
            engine.close();
            session.close();
            return seconds;
        } finally {
            executor.shutdownNow();
        }
    }
}
