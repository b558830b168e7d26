package org.kzmove.sim.host;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.kzmove.sim.clock.ManualClock;
import org.kzmove.sim.clock.SimClock;
import org.kzmove.sim.process.Credentials;
import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.command.SimCommand;
import org.kzmove.sim.fs.InMemoryFileSystem;
import org.kzmove.sim.fs.SimFileSystem;
import org.kzmove.sim.process.Signal;
import org.kzmove.sim.process.SignalMailbox;

/**
 * Runs simulated commands on their own thread against a {@link ManualClock}, advancing simulated
 * time exactly to each sleep's deadline (so runs are deterministic), and optionally delivering a
 * signal once the output satisfies a condition. No real-time sleeps.
 */
final class SimHarness implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    static final Credentials ROOT = new Credentials("root", 0, 0, Set.of(), "");
    static final Credentials ADMIN_PFEXEC = new Credentials("kzadmin", 101, 0, Set.of(Credentials.ZONE_MANAGEMENT), "pfexec");
    static final Credentials GUEST = new Credentials("guest", 102, 102, Set.of(), "");

    final HostModel host;
    final ManualClock manual = new ManualClock(T0);
    final SteppingClock clock = new SteppingClock(manual);
    final InMemoryFileSystem files = new InMemoryFileSystem();
    final Map<String, SimCommand> commands;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    private final SimClock override;

    SimHarness(HostModel host) {
        this(host, null);
    }

    /** With another clock (a fast ScaledClock for concurrency checks); {@link #run} then needs no stepping. */
    SimHarness(HostModel host, SimClock override) {
        this.host = host;
        this.override = override;
        this.commands = host.commands();
    }

    record Result(int status, String out, String err) {
        /** stdout then stderr, as a terminal merging both shows them when stderr comes last. */
        String all() {
            return out + err;
        }
    }

    /** A running command. */
    final class Run {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final SignalMailbox signals = new SignalMailbox();
        final Future<Integer> status;
        volatile Thread thread;

        Run(Credentials who, String... argv) {
            this(who, null, argv);
        }

        Run(Credentials who, PrintStream stdout, String... argv) {
            TestInvocation inv = new TestInvocation(List.of(argv), who,
                    stdout != null ? stdout : new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), signals);
            SimCommand cmd = commands.get(argv[0]);
            if (cmd == null) {
                throw new IllegalArgumentException("no command " + argv[0]);
            }
            status = threads.submit(() -> {
                thread = Thread.currentThread();
                signals.bindToCurrentThread();
                clock.register();
                try {
                    return cmd.run(inv);
                } finally {
                    clock.unregister();
                }
            });
        }

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        Result result() throws Exception {
            return new Result(status.get(30, TimeUnit.SECONDS), out(), err.toString(StandardCharsets.UTF_8));
        }
    }

    Result run(Credentials who, String... argv) throws Exception {
        return runUntil(who, null, null, argv);
    }

    /** Runs a command to its end; when {@code when} first holds for its stdout, delivers {@code signal}. */
    Result runUntil(Credentials who, Predicate<String> when, Signal signal, String... argv) throws Exception {
        Run run = new Run(who, argv);
        boolean sent = false;
        while (override == null && clock.awaitParked(run)) {
            // signals are delivered while the command is parked in a sleep, as a real ^C usually finds it
            if (!sent && when != null && when.test(run.out())) {
                run.signals.deliver(signal);
                sent = true;
                clock.skip();
                continue;
            }
            clock.advanceToDeadline();
        }
        return run.result();
    }

    /**
     * Drives time until the command, parked in a sleep, has printed what {@code condition} wants
     * (true), or has ended (false). A signal delivered then finds it asleep; call
     * {@code clock.skip()} after delivering one.
     */
    boolean runTo(Run run, Predicate<String> condition) throws InterruptedException {
        while (clock.awaitParked(run)) {
            if (condition.test(run.out())) {
                return true;
            }
            clock.advanceToDeadline();
        }
        return false;
    }

    /** Drives time until the command ends. */
    Result finish(Run run) throws Exception {
        runTo(run, out -> false);
        return run.result();
    }

    /** Delivers a signal to a command parked by {@link #runTo}. */
    void signal(Run run, Signal signal) {
        run.signals.deliver(signal);
        clock.skip();
    }

    /** Starts a command without driving time: for concurrency checks. */
    Run start(Credentials who, String... argv) {
        return new Run(who, argv);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    final class TestInvocation implements Invocation {
        private final List<String> argv;
        private final Credentials who;
        private final PrintStream out;
        private final PrintStream err;
        private final SignalMailbox signals;
        private final Set<Signal> ignored = EnumSet.noneOf(Signal.class);

        TestInvocation(List<String> argv, Credentials who, PrintStream out, PrintStream err, SignalMailbox signals) {
            this.argv = argv;
            this.who = who;
            this.out = out;
            this.err = err;
            this.signals = signals;
        }

        @Override
        public List<String> argv() {
            return argv;
        }

        @Override
        public InputStream stdin() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public PrintStream stdout() {
            return out;
        }

        @Override
        public PrintStream stderr() {
            return err;
        }

        @Override
        public Credentials credentials() {
            return who;
        }

        @Override
        public Map<String, String> environment() {
            return Map.of("USER", who.user());
        }

        @Override
        public String workingDirectory() {
            return "/root";
        }

        @Override
        public SimClock clock() {
            return override != null ? override : clock;
        }

        @Override
        public SimFileSystem files() {
            return files;
        }

        @Override
        public SignalMailbox signals() {
            return signals;
        }

        @Override
        public boolean signalIgnored(Signal signal) {
            synchronized (ignored) {
                return ignored.contains(signal);
            }
        }

        @Override
        public void catchSignal(Signal signal) {
            synchronized (ignored) {
                ignored.remove(signal);
            }
        }

        /** As a process started with {@code signal} ignored (a background job of a non-interactive shell). */
        void inheritIgnored(Signal signal) {
            synchronized (ignored) {
                ignored.add(signal);
            }
        }

        @Override
        public int pid() {
            return 4242;
        }

        @Override
        public boolean hasTerminal() {
            return true;
        }

        @Override
        public String hostname() {
            return host.hostname();
        }
    }

    /**
     * A ManualClock wrapper that knows the deadline each command thread sleeps to, so the driver
     * can move time exactly to it and then wait for the thread's next step.
     */
    static final class SteppingClock implements SimClock {
        private final ManualClock inner;
        private Instant deadline;
        private long sleeps;
        private long handled;
        private long parked;
        private Thread sleeper;

        SteppingClock(ManualClock inner) {
            this.inner = inner;
        }

        synchronized void register() {
            notifyAll();
        }

        synchronized void unregister() {
            notifyAll();
        }

        @Override
        public Instant now() {
            return inner.now();
        }

        @Override
        public double timeScale() {
            return 0;
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            synchronized (this) {
                deadline = inner.now().plus(d);
                sleeper = Thread.currentThread();
                sleeps++;
                notifyAll();
            }
            try {
                inner.sleep(d);
            } finally {
                synchronized (this) {
                    deadline = null;
                    notifyAll();
                }
            }
        }

        /**
         * Waits until the command sleeps in a sleep not handled yet (true), or ends (false). The
         * deadline is known before the thread is inside ManualClock.sleep, so both are awaited.
         */
        synchronized boolean awaitParked(Run run) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(sleeps > handled && deadline != null && inner.sleepers() > 0 && sleeper == run.thread)) {
                if (run.status.isDone()) {
                    return false;
                }
                wait(5);
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("command neither sleeps nor ends");
                }
            }
            parked = sleeps;
            return true;
        }

        /** Advances time exactly to the deadline of the parked command's sleep. */
        void advanceToDeadline() {
            Instant target;
            synchronized (this) {
                target = deadline;
                handled = sleeps;
            }
            Duration left = Duration.between(inner.now(), target);
            if (!left.isNegative()) {
                inner.advance(left);
            }
        }

        /**
         * The parked sleep ends otherwise (a signal was delivered): wait for the next one. Uses the
         * count seen when parked, since the woken thread may already sleep again.
         */
        synchronized void skip() {
            handled = parked;
        }

        /** Waits for the command to sleep (or end), then advances time exactly to its deadline. */
        void step(Run run) throws InterruptedException {
            if (awaitParked(run)) {
                advanceToDeadline();
            }
        }
    }
}
