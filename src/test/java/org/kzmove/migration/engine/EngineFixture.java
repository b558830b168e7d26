package org.kzmove.migration.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.kzmove.testsupport.Conditions;
import java.util.function.Predicate;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.migration.job.HostJobFiles;
import org.kzmove.migration.job.JobStore;
import org.kzmove.migration.job.RecordWriter;
import org.kzmove.remote.audit.JsonLinesAuditLog;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.session.HostSession;
import org.kzmove.remote.ssh.HostKeyTrust;
import org.kzmove.remote.ssh.KnownHostsVerifier;
import org.kzmove.remote.ssh.SshAuth;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.remote.ssh.SshTarget;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.clock.ManualClock;
import org.kzmove.sim.clock.SimClock;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.sim.ssh.AuthorizedKeys;

/**
 * The real simulated host (test scenario) on 127.0.0.1, port 0, reached over real SSH with a real
 * known_hosts file, and a move engine in front of it with its job store and audit log in a temp dir.
 */
final class EngineFixture implements AutoCloseable {
    static final Path SCENARIO = Path.of("src/test/resources/scenarios/test-host.json");
    static final Duration WAIT = Duration.ofSeconds(30);

    final Path dir;
    final KeyPair clientKey;
    final SimulatedHost host;
    final ManualClock manualClock;
    final Path knownHosts;
    final JobStore store;
    final JsonLinesAuditLog audit;
    final ScheduledExecutorService executor = Executors.newScheduledThreadPool(6);
    Privilege privilege = Privilege.PFEXEC;
    HostSession session;
    MoveEngine engine;

    /** @param manual drive the host's clock by hand (else 5000 simulated seconds per real second) */
    EngineFixture(Path dir, boolean manual) throws Exception {
        this(dir, manual, RecordWriter.NIO);
    }

    /** @param records how the job store writes its files (a disk that fills, in tests of a full disk) */
    EngineFixture(Path dir, boolean manual, RecordWriter records) throws Exception {
        this.dir = Files.createDirectories(dir);
        this.clientKey = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        KeyPair hostKey = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        this.manualClock = manual ? new ManualClock(Instant.parse("2026-11-26T07:00:00Z")) : null;
        SimulatedHost.Options o = new SimulatedHost.Options().scenario(SCENARIO).port(0).hostKey(hostKey)
                .authorizedKeys(new AuthorizedKeys(List.of(clientKey.getPublic())));
        if (manual) {
            o.clock((SimClock) manualClock);
        } else {
            o.timeScale(5000);
        }
        this.host = SimulatedHost.start(o);
        this.knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, host.knownHostsLine() + "\n");
        this.store = new JobStore(dir.resolve("data/jobs"), records);
        this.audit = new JsonLinesAuditLog(dir.resolve("data/logs/audit.jsonl"));
        newEngine();
    }

    /** A fresh session and engine on the same job store: what a restarted console has. */
    MoveEngine newEngine() {
        session = sessionAs("kzadmin");
        engine = engineOn(session);
        return engine;
    }

    /** A session of another user of the host, on the same known_hosts and audit log. */
    HostSession sessionAs(String user) {
        SshTarget target = new SshTarget("127.0.0.1", host.port(), user);
        KnownHostsVerifier verifier = new KnownHostsVerifier(List.of(), knownHosts, HostKeyTrust.REFUSE);
        return new HostSession(target,
                () -> SshConnection.open(target, List.of(new SshAuth.InMemoryKey(clientKey)), verifier,
                        SshConnection.Timeouts.DEFAULT),
                new HostSession.Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 20), HostSession.Pause.SLEEP, audit,
                Clock.systemUTC());
    }

    /**
     * A session that reaches the host through {@code relayPort} (a {@link org.kzmove.testsupport.LinkRelay}),
     * with the given timeouts and reconnect policy, pauses really waited; the relay's address is in known_hosts.
     */
    HostSession sessionThrough(int relayPort, SshConnection.Timeouts timeouts, HostSession.Backoff backoff)
            throws java.io.IOException {
        String line = host.knownHostsLine();
        Files.writeString(knownHosts, line.replace("]:" + host.port() + " ", "]:" + relayPort + " ") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        SshTarget target = new SshTarget("127.0.0.1", relayPort, "kzadmin");
        KnownHostsVerifier verifier = new KnownHostsVerifier(List.of(), knownHosts, HostKeyTrust.REFUSE);
        return new HostSession(target,
                () -> SshConnection.open(target, List.of(new SshAuth.InMemoryKey(clientKey)), verifier, timeouts),
                backoff, HostSession.Pause.SLEEP, audit, Clock.systemUTC());
    }

    /** An engine on {@code s}, looking at its moves every 50 ms, failed looks retried within 200 ms. */
    MoveEngine engineOn(HostSession s) {
        return new MoveEngine(s, store, HostJobFiles.forUser(s.target().user()), privilege, executor, Clock.systemUTC(),
                new MoveEngine.Settings(Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    static MoveRequest request(String zone, String... uris) throws Exception {
        List<MoveTarget> targets = new java.util.ArrayList<>();
        for (String u : uris) {
            targets.add(new MoveTarget(StorageUris.parse(u), null));
        }
        return new MoveRequest(zone, targets, false);
    }

    long fileLength(MoveJob job) {
        return host.server().files().read(job.remoteFile()).map(b -> (long) b.length)
                .orElse(0L);
    }

    String file(MoveJob job) {
        return host.server().files().read(job.remoteFile())
                .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
    }

    /**
     * Manual clock: advances simulated time a second at a time, each time waiting until zoneadm sleeps
     * again and the engine has consumed everything it wrote, until the job's phase matches.
     */
    void stepUntil(MoveJob job, Predicate<MovePhase> phase) throws InterruptedException {
        for (int i = 0; i < 100_000; i++) {
            settle(job);
            if (phase.test(job.phase())) {
                return;
            }
            tick(() -> fileLength(job), () -> job.result().isDone());
        }
        throw new AssertionError("phase never reached; at " + job.phase());
    }

    /**
     * Advances the clock one second and waits until zoneadm has really woken: a woken thread counts as a
     * sleeper until it runs again, so without this wait a second tick could be given before zoneadm used
     * the first, and whole phases would pass unseen. Woken shows as output written or no sleeper left;
     * bounded, because some of zoneadm's pauses print nothing.
     */
    void tick(java.util.function.LongSupplier fileLength, BooleanSupplier ended) {
        long before = fileLength.getAsLong();
        manualClock.advance(Duration.ofSeconds(1));
        long deadline = System.nanoTime() + 100_000_000L;
        while (System.nanoTime() < deadline && !ended.getAsBoolean() && manualClock.sleepers() > 0
                && fileLength.getAsLong() == before) {
            Thread.onSpinWait();
        }
    }

    /** zoneadm is asleep (its output is complete for now) and the engine has read all of it. */
    void settle(MoveJob job) throws InterruptedException {
        if (!manualClock.awaitSleepers(1, WAIT)) {
            throw new AssertionError("zoneadm never slept; phase " + job.phase());
        }
        await("engine caught up", () -> job.consumedBytes() == fileLength(job));
    }

    /** Manual clock: advances time while zoneadm sleeps until the job has a result. */
    MoveResult driveToEnd(MoveJob job) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!job.result().isDone()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no result; phase " + job.phase());
            }
            if (manualClock.sleepers() > 0) {
                tick(() -> fileLength(job), () -> job.result().isDone());
            } else {
                try {
                    job.result().get(5, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException notYet) {
                    // zoneadm is busy writing or the engine is verifying: look again
                }
            }
        }
        return job.result().get();
    }

    static void await(String what, BooleanSupplier condition) {
        Conditions.await(what, condition, WAIT);
    }

    @Override
    public void close() throws Exception {
        engine.close();
        session.close();
        executor.shutdownNow();
        host.close();
        audit.close();
    }
}
