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
}
