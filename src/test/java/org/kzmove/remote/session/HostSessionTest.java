package org.kzmove.remote.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.RemoteException.Reason;
import org.kzmove.remote.audit.RemoteCommandAudit;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.command.Program;
import org.kzmove.remote.command.RemoteCommand;
import org.kzmove.remote.command.RemoteScript;
import org.kzmove.remote.ssh.SshTarget;

/** Reconnecting: increasing, bounded delays; no retry of what waiting cannot fix. */
class HostSessionTest {
    static final SshTarget TARGET = new SshTarget("127.0.0.1", 2222, "kzadmin");

    private static RemoteScript echo() throws Exception {
        return RemoteScript.of(RemoteCommand.of(Program.ECHO, Privilege.NONE).word("hi").build());
    }

    /** Reconnecting after a drop is proven against the simulator (ReattachTest); here, a host never reached. */
    @Test
    void aHostNeverReachedFailsAtOnceWithItsOwnReason() throws Exception {
        List<Duration> pauses = new ArrayList<>();
        AtomicInteger tries = new AtomicInteger();
        HostSession s = new HostSession(TARGET, () -> {
            tries.incrementAndGet();
            throw new RemoteException(Reason.UNREACHABLE, TARGET.display(), "connection refused");
        }, new HostSession.Backoff(Duration.ofMillis(100), Duration.ofMillis(500), 5), pauses::add,
                RemoteCommandAudit.NONE, Clock.systemUTC());

        assertThatThrownBy(() -> s.run(echo(), Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
                .hasMessage("connection refused");
        assertThat(tries).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void reconnectDelaysDoubleUpToTheirBound() {
        HostSession.Backoff b = new HostSession.Backoff(Duration.ofMillis(100), Duration.ofMillis(500), 5);
        assertThat(List.of(b.delay(0), b.delay(1), b.delay(2), b.delay(3), b.delay(40))).containsExactly(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(500),
                Duration.ofMillis(500));
    }

    @Test
    void refusedCredentialsAreNotRetried() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        HostSession s = new HostSession(TARGET, () -> {
            tries.incrementAndGet();
            throw new RemoteException(Reason.AUTHENTICATION, TARGET.display(), "refused");
        }, HostSession.Backoff.DEFAULT, d -> {
        }, RemoteCommandAudit.NONE, Clock.systemUTC());

        assertThatThrownBy(() -> s.run(echo(), Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION));
        assertThat(tries).hasValue(1);
    }

    /** A connection lost for good: every attempt is said before it is made, and a query gives up once, not twice. */
    @Test
    void lostContactIsSaidAtEachAttemptAndAQueryRunsTheBackoffOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (org.kzmove.testsupport.LiveHost live = org.kzmove.testsupport.LiveHost.scenario(dir, "test-host")) {
            AtomicInteger opens = new AtomicInteger();
            List<Duration> pauses = new ArrayList<>();
            List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
            HostSession s = new HostSession(live.target("kzadmin"), () -> {
                if (opens.incrementAndGet() == 1) {
                    return live.connect("kzadmin");
                }
                throw new RemoteException(Reason.UNREACHABLE, TARGET.display(), "connection refused");
            }, new HostSession.Backoff(Duration.ofMillis(100), Duration.ofMillis(400), 4), pauses::add,
                    RemoteCommandAudit.NONE, Clock.systemUTC());
            s.addWatcher((attempt, attempts, in, reason) -> said.add(attempt + "/" + attempts + " in " + in.toMillis()
                    + " ms: " + reason));
            assertThat(s.run(echo(), Duration.ofSeconds(10)).stdout()).isEqualTo("hi\n");

            live.host.server().dropAllConnections();
            org.kzmove.testsupport.Conditions.await("the client sees the drop",
                    () -> live.host.server().connectionCount() == 0, Duration.ofSeconds(10));
            assertThatThrownBy(() -> s.query(echo(), Duration.ofSeconds(10)))
                    .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONNECTION_LOST))
                    .hasMessageContaining("could not reconnect after 4 attempts");

            assertThat(opens).as("one backoff, not one per retry").hasValue(1 + 4);
            assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(said).containsExactly("1/4 in 0 ms: the connection to kzadmin@127.0.0.1:" + live.host.port()
                    + " was lost", "2/4 in 100 ms: connection refused", "3/4 in 200 ms: connection refused",
                    "4/4 in 400 ms: connection refused");
            assertThat(s.giveUpAfter(Duration.ofSeconds(15))).isEqualTo(Duration.ofMillis(700).plusSeconds(60));
            s.close();
        }
    }

    /** Quitting during a reconnect does not wait for its pauses, and the reconnect stops there. */
    @Test
    void closeDoesNotWaitForAReconnectUnderWayWhichThenStops(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (org.kzmove.testsupport.LiveHost live = org.kzmove.testsupport.LiveHost.scenario(dir, "test-host")) {
            AtomicInteger opens = new AtomicInteger();
            java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch resume = new java.util.concurrent.CountDownLatch(1);
            HostSession s = new HostSession(live.target("kzadmin"), () -> {
                if (opens.incrementAndGet() == 1) {
                    return live.connect("kzadmin");
                }
                throw new RemoteException(Reason.UNREACHABLE, TARGET.display(), "connection refused");
            }, new HostSession.Backoff(Duration.ofMillis(100), Duration.ofMillis(400), 5), d -> {
                paused.countDown();
                resume.await();
            }, RemoteCommandAudit.NONE, Clock.systemUTC());
            assertThat(s.run(echo(), Duration.ofSeconds(10)).succeeded()).isTrue();
            live.host.server().dropAllConnections();
            org.kzmove.testsupport.Conditions.await("the client sees the drop",
                    () -> live.host.server().connectionCount() == 0, Duration.ofSeconds(10));

            java.util.concurrent.CompletableFuture<Object> reconnecting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return s.run(echo(), Duration.ofSeconds(10));
                } catch (Exception e) {
                    return e;
                }
            });
            assertThat(paused.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.CompletableFuture<Void> closing = java.util.concurrent.CompletableFuture.runAsync(s::close);
            closing.get(5, java.util.concurrent.TimeUnit.SECONDS); // close() returned while the reconnect pauses
            resume.countDown();

            assertThat(reconnecting.get(10, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e).hasMessageContaining("is closed"));
            assertThat(opens).as("no attempt after the close").hasValue(2);
        }
    }
}
