package org.kzmove.migration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.session.HostSession;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.testsupport.Conditions;
import org.kzmove.testsupport.LinkRelay;

/**
 * The network dies under a move that kzmove follows: through a relay the test controls, the link is
 * cut (connections reset, new ones refused) or turned into a black hole (nothing gets through and
 * nothing says so). kzmove says so within seconds, gives up within a bound it can state, keeps the
 * record open, and the move, which went on on the host, is found and followed to its end afterwards.
 *
 * <p>Timeouts are the production ones scaled down (keep-alive 1 s instead of 15, connect 1 s instead
 * of 15, a shorter backoff); the bounds asserted are computed from them the way docs/guarantees.md
 * computes the production figures, with slack for a loaded machine.
 */
class LostLinkTest {
    static final SshConnection.Timeouts TIMEOUTS =
            new SshConnection.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1));
    static final HostSession.Backoff BACKOFF = new HostSession.Backoff(Duration.ofMillis(100), Duration.ofMillis(400), 4);
    static final Duration SLACK = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    EngineFixture f;
    LinkRelay relay;

    @AfterEach
    void stop() throws Exception {
        if (relay != null) {
            relay.close();
        }
        if (f != null) {
            f.close();
        }
    }

    /** What the listener heard, each with when it heard it. */
    static final class Heard implements MoveListener {
        record Said(long at, String what) {
        }

        final List<Said> troubles = new CopyOnWriteArrayList<>();
        volatile long lostAt;
        volatile Exception lost;

        @Override
        public void onFollowingTrouble(String reason) {
            troubles.add(new Said(System.nanoTime(), reason));
        }

        @Override
        public void onFollowingLost(Exception cause) {
            lostAt = System.nanoTime();
            lost = cause;
        }

        List<String> words() {
            return troubles.stream().map(Said::what).toList();
        }
    }

    private MoveJob startMidResilverThroughTheRelay(Heard heard) throws Exception {
        f = new EngineFixture(dir, true);
        relay = new LinkRelay(f.host.port());
        f.session.close();
        f.engine.close();
        f.session = f.sessionThrough(relay.port(), TIMEOUTS, BACKOFF);
        f.engine = f.engineOn(f.session);
        MoveJob job = f.engine.start(EngineFixture.request("mykz", MoveEngineTest.LUN_20G), heard);
        f.stepUntil(job, p -> p == MovePhase.RESILVERING);
        for (int i = 0; i < 5; i++) {
            f.manualClock.advance(Duration.ofSeconds(1));
            f.settle(job);
        }
        assertThat(heard.troubles).as("no trouble while the link works").isEmpty();
        return job;
    }

    /** After the link came back: zoneadm ran on meanwhile; a new engine re-attaches and gets the true outcome. */
    private void theMoveIsFoundAndFollowedToItsEnd(MoveJob job, int pid) throws Exception {
        JobRecord open = f.store.load(job.id()).orElseThrow();
        assertThat(open.outcome()).as("the record stays open: kzmove concludes nothing it did not see").isNull();
        assertThat(f.host.server().processes().find(pid)).as("zoneadm goes on on the host").isPresent();

        relay.restore();
        f.session = f.sessionThrough(relay.port(), TIMEOUTS, BACKOFF);
        MoveEngine restarted = f.engineOn(f.session);
        f.engine = restarted;
        MoveJob again = restarted.reattach(job.id(), MoveListener.NONE).orElseThrow();
        MoveResult r = f.driveToEnd(again);
        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(f.store.load(job.id()).orElseThrow().rawOutput()).isEqualTo(f.file(again));
    }

    @Test
    void aCutLinkIsSaidWithinSecondsEachRetryIsSaidAndFollowingGivesUpWithinItsBound() throws Exception {
        Heard heard = new Heard();
        MoveJob job = startMidResilverThroughTheRelay(heard);
        int pid = f.store.load(job.id()).orElseThrow().pid().intValue();

        long cutAt = System.nanoTime();
        relay.cut();
        Conditions.await("following gives up", () -> heard.lost != null,
                f.session.giveUpAfter(TIMEOUTS.connect()).plus(SLACK));

        String who = "kzadmin@127.0.0.1:" + relay.port();
        assertThat(heard.words()).hasSize(4);
        assertThat(heard.words().get(0)).startsWith("lost contact with " + who + " (")
                .endsWith("); retrying (attempt 1 of 4, next in 0 s)");
        assertThat(heard.words().subList(1, 4)).allSatisfy(w -> assertThat(w).startsWith("lost contact with " + who + " ("))
                .satisfiesExactly(w -> assertThat(w).contains("(attempt 2 of 4"),
                        w -> assertThat(w).contains("(attempt 3 of 4"), w -> assertThat(w).contains("(attempt 4 of 4"));
        Duration saidAfter = Duration.ofNanos(heard.troubles.get(0).at() - cutAt);
        assertThat(saidAfter).as("said within a poll interval, not after the backoff").isLessThan(SLACK);
        Duration gaveUpAfter = Duration.ofNanos(heard.lostAt - cutAt);
        assertThat(gaveUpAfter).as("bounded by the backoff").isLessThan(f.session.giveUpAfter(TIMEOUTS.connect()).plus(SLACK));
        assertThat(heard.lost).isInstanceOf(RemoteException.class).hasMessageContaining("could not reconnect after 4 attempts");
        assertThat(job.result()).isCompletedExceptionally();

        theMoveIsFoundAndFollowedToItsEnd(job, pid);
    }

    @Test
    void aBlackHoleIsDetectedByKeepAlivesWithinFourIntervalsAndEachSilentAttemptEndsAtTheConnectTimeout()
            throws Exception {
        Heard heard = new Heard();
        MoveJob job = startMidResilverThroughTheRelay(heard);
        int pid = f.store.load(job.id()).orElseThrow().pid().intValue();
        int acceptedBefore = relay.accepted();

        long holeAt = System.nanoTime();
        relay.blackHole();
        Conditions.await("lost contact is said", () -> !heard.troubles.isEmpty(), Duration.ofSeconds(60));
        Duration saidAfter = Duration.ofNanos(heard.troubles.get(0).at() - holeAt);
        Duration keepAlive = TIMEOUTS.keepAlive();
        // sshj sends a keep-alive every interval and gives up when MISSED_KEEPALIVES are unanswered at the next one.
        assertThat(saidAfter).as("detected by keep-alives")
                .isGreaterThanOrEqualTo(keepAlive.multipliedBy(SshConnection.MISSED_KEEPALIVES - 1))
                .isLessThan(keepAlive.multipliedBy(SshConnection.MISSED_KEEPALIVES + 1).plus(SLACK));
        assertThat(heard.words().get(0)).contains("keep-alive").endsWith("(attempt 1 of 4, next in 0 s)");

        Conditions.await("following gives up", () -> heard.lost != null,
                f.session.giveUpAfter(TIMEOUTS.connect()).plus(SLACK));
        Duration gaveUpAfter = Duration.ofNanos(heard.lostAt - heard.troubles.get(0).at());
        assertThat(gaveUpAfter).isLessThan(f.session.giveUpAfter(TIMEOUTS.connect()).plus(SLACK));
        assertThat(relay.accepted() - acceptedBefore).as("every attempt reached the black hole").isEqualTo(4);
        assertThat(heard.words().subList(1, 4)).allSatisfy(w -> assertThat(w).contains("sent no SSH greeting within 1 s"));
        assertThat(job.result()).isCompletedExceptionally();
        job.result().handle((r, e) -> null).get(1, TimeUnit.SECONDS);

        theMoveIsFoundAndFollowedToItsEnd(job, pid);
    }
}
