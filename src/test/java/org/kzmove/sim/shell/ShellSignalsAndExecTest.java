package org.kzmove.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kzmove.sim.audit.CommandAudit;
import org.kzmove.sim.clock.ManualClock;
import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.fs.InMemoryFileSystem;
import org.kzmove.sim.process.Signal;
import org.kzmove.sim.process.SimProcess;
import org.kzmove.sim.process.SimProcessTable;
import org.kzmove.sim.process.SimThreads;
import org.kzmove.testsupport.Conditions;

/**
 * Signal dispositions and {@code exec} in the shell itself, without SSH: what a background job of
 * a non-interactive shell ignores, what it inherits, how kill treats an ignored signal, and that
 * {@code exec} keeps the shell's pid, applies its redirections and lets go of the shell's output.
 */
class ShellSignalsAndExecTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T06:00:00Z"));
    private final InMemoryFileSystem files = new InMemoryFileSystem();
    private final CommandRegistry registry = new CommandRegistry();
    private final ExecutorService executor = SimThreads.newHostExecutor("test");
    private final HostServices host = new HostServices("kzhost1", SimUsers.defaults(), clock, files, registry,
            new SimProcessTable(), new CommandAudit(), executor);
    /** What the fake commands saw. */
    private final Queue<String> events = new ConcurrentLinkedQueue<>();
    private int sessions;

    @BeforeEach
    void install() {
        ShellTools.installInto(host);
        registry.register("/usr/bin/probe", this::probe);
        registry.register("/usr/bin/waiter", inv -> waiter(inv, false));
        registry.register("/usr/bin/catcher", inv -> waiter(inv, true));
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Records its first argument, pid and ignored signals, then exits. */
    private int probe(Invocation inv) {
        events.add(inv.argv().get(1) + " pid=" + inv.pid() + " ignores=" + ignored(inv));
        return 0;
    }

    /** Waits until a signal arrives; exits 3 (a handler of its own). The catcher first catches SIGINT. */
    private int waiter(Invocation inv, boolean catchSigint) {
        if (catchSigint) {
            inv.catchSignal(Signal.INT);
        }
        String name = inv.argv().get(0);
        events.add(name + " started pid=" + inv.pid() + " ignores=" + ignored(inv));
        try {
            while (true) {
                inv.clock().sleep(Duration.ofHours(1));
            }
        } catch (InterruptedException e) {
            events.add(name + " got " + inv.signals().take().map(Signal::sigName).orElse("nothing"));
            return 3;
        }
    }

    private static Set<Signal> ignored(Invocation inv) {
        Set<Signal> result = EnumSet.noneOf(Signal.class);
        for (Signal s : Signal.values()) {
            if (inv.signalIgnored(s)) {
                result.add(s);
            }
        }
        return result;
    }

    /** A login shell of kzadmin with its own process, as SessionCommand makes one. */
    private final class Login {
        final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final SimProcess process;
        final ShellSession shell;

        Login(boolean interactive, OutputStream out, OutputStream err) {
            SimUser user = SimUsers.defaults().find("kzadmin").orElseThrow();
            String session = "s" + ++sessions + ".0";
            process = host.processes().register(900, List.of("sh", "-c", "test"), user.loginCredentials(),
                    clock.now(), session, false, "?");
            shell = new ShellSession(host, user, session, user.loginCredentials(), interactive, false,
                    ShellSession.loginEnvironment(user, "kzhost1", null), List.of("sh"), "/",
                    new ShellSession.Io(InputStream.nullInputStream(), out == null ? outBytes : out,
                            err == null ? errBytes : err, null, "?"), process.pid());
        }

        Login(boolean interactive) {
            this(interactive, null, null);
        }

        /** Runs a script to its end on this thread, then ends the shell's process. */
        int run(String script) throws InterruptedException {
            int status = shell.run(script);
            host.processes().exit(process, status);
            return status;
        }

        /** Runs a script on another thread (it may exec a command that waits for a signal). */
        Future<Integer> start(String script) {
            return executor.submit(() -> run(script));
        }

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }

    private void await(String what, java.util.function.BooleanSupplier condition) {
        Conditions.await(what, condition, TIMEOUT);
    }

    private boolean saw(String prefix) {
        return events.stream().anyMatch(e -> e.startsWith(prefix));
    }

    private String event(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void aNonInteractiveShellStartsItsAsynchronousListsWithSigintAndSigquitIgnored() throws Exception {
        new Login(false).run("probe bg & probe fg; true && probe subshell &");
        await("background probes ran", () -> saw("bg ") && saw("subshell "));
        assertThat(event("bg ")).endsWith("ignores=[INT, QUIT]");
        assertThat(event("subshell ")).endsWith("ignores=[INT, QUIT]");
        assertThat(event("fg ")).endsWith("ignores=[]");
    }

    @Test
    void anInteractiveShellHasJobControlAndLeavesSigintAloneForItsJobs() throws Exception {
        new Login(true).run("probe bg & probe fg");
        await("background probe ran", () -> saw("bg "));
        assertThat(event("bg ")).endsWith("ignores=[]");
        assertThat(event("fg ")).endsWith("ignores=[]");
    }

    @Test
    void ignoredSignalsAreInheritedThroughNestedShellsAndExecAndNohupAddsSighup() throws Exception {
        new Login(false).run("sh -c 'exec probe exec-in-bg' & nohup probe nohup-fg; nohup sh -c 'probe nested' &");
        await("probes ran", () -> saw("exec-in-bg ") && saw("nested "));
        assertThat(event("exec-in-bg ")).endsWith("ignores=[INT, QUIT]");
        assertThat(event("nohup-fg ")).endsWith("ignores=[HUP]");
        assertThat(event("nested ")).endsWith("ignores=[HUP, INT, QUIT]");
    }

    @Test
    void killOfAnIgnoredSignalSucceedsAndChangesNothingWhileSigtermStillEndsTheJob() throws Exception {
        Login starter = new Login(false);
        starter.run("waiter & echo $!");
        int pid = Integer.parseInt(starter.out().trim());
        await("waiter running", () -> saw("waiter started pid=" + pid));
        assertThat(event("waiter started")).endsWith("ignores=[INT, QUIT]");

        Login killer = new Login(false);
        assertThat(killer.run("kill -INT " + pid + " && kill -s QUIT " + pid + " && kill -2 " + pid)).isZero();
        assertThat(killer.err()).isEmpty();
        assertThat(host.processes().find(pid)).isPresent();
        assertThat(saw("waiter got")).isFalse();

        assertThat(new Login(false).run("kill -TERM " + pid)).isZero();
        await("waiter ended by SIGTERM", () -> saw("waiter got SIGTERM"));
        await("waiter gone", () -> host.processes().find(pid).isEmpty());
    }

    @Test
    void aCommandMayInstallAHandlerForAnInheritedIgnore() throws Exception {
        Login starter = new Login(false);
        starter.run("catcher & echo $!");
        int pid = Integer.parseInt(starter.out().trim());
        await("catcher running", () -> saw("catcher started"));
        assertThat(event("catcher started")).endsWith("ignores=[QUIT]");
        assertThat(new Login(false).run("kill -INT " + pid)).isZero();
        await("catcher got SIGINT", () -> saw("catcher got SIGINT"));
    }

    @Test
    void execRunsTheCommandInTheShellsProcessWithItsRedirectionsAndNothingAfterIt() throws Exception {
        files.mkdirs("/var/tmp");
        files.chmod("/var/tmp", 01777);
        Login login = new Login(false);
        Future<Integer> status = login.start(
                "echo $$; exec nohup pfexec waiter -z kz1 move > /var/tmp/w.out 2>&1 < /dev/null; echo after");
        await("waiter running", () -> saw("waiter started"));
        int shellPid = login.process.pid();
        assertThat(login.out()).isEqualTo(shellPid + "\n");
        assertThat(event("waiter started")).isEqualTo("waiter started pid=" + shellPid + " ignores=[HUP]");

        Login ps = new Login(false);
        assertThat(ps.run("ps -o pid,args -p " + shellPid)).isZero();
        assertThat(ps.out()).isEqualTo("  PID COMMAND\n " + shellPid + " waiter -z kz1 move\n");
        SimProcess p = host.processes().find(shellPid).orElseThrow();
        assertThat(p.credentials().via()).isEqualTo("pfexec");
        assertThat(p.ppid()).isEqualTo(900);

        // a foreground exec of a non-interactive shell does not ignore SIGINT: kill -INT reaches it
        assertThat(new Login(false).run("kill -INT " + shellPid)).isZero();
        assertThat(status.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(events).contains("waiter got SIGINT");
        assertThat(login.out()).isEqualTo(shellPid + "\n");
        assertThat(files.read("/var/tmp/w.out")).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(host.processes().find(shellPid)).isEmpty();
    }

    @Test
    void aRedirectionErrorOfExecEndsANonInteractiveShellButNotAnInteractiveOne() throws Exception {
        Login script = new Login(false);
        assertThat(script.run("exec probe never > /no/such/dir/f; echo after")).isEqualTo(1);
        assertThat(script.err()).isEqualTo("sh: /no/such/dir/f: cannot create [No such file or directory]\n");
        assertThat(script.out()).isEmpty();

        Login prompt = new Login(true);
        prompt.shell.run("exec probe never > /no/such/dir/f; echo after");
        assertThat(prompt.err()).isEqualTo("sh: /no/such/dir/f: cannot create [No such file or directory]\n");
        assertThat(prompt.out()).isEqualTo("after\n");
        assertThat(saw("never")).isFalse();
    }

    @Test
    void execOfAnUnknownCommandEndsANonInteractiveShellWith127() throws Exception {
        Login script = new Login(false);
        assertThat(script.run("exec nosuch; echo after")).isEqualTo(127);
        assertThat(script.err()).isEqualTo("sh: nosuch: not found\n");
        assertThat(script.out()).isEmpty();
    }

    @Test
    void execInAPipelineOrAnAsynchronousListReplacesOnlyItsSubshell() throws Exception {
        Login script = new Login(false);
        assertThat(script.run("exec echo piped | cat; exec probe async & echo after")).isZero();
        await("async probe ran", () -> saw("async "));
        assertThat(script.out()).isEqualTo("piped\nafter\n");
        assertThat(event("async ")).doesNotContain("pid=" + script.process.pid() + " ");
    }

    @Test
    void theChannelOutputIsReleasedWhenExecRedirectsItAwayNotBefore() throws Exception {
        files.mkdirs("/var/tmp");
        files.chmod("/var/tmp", 01777);
        ChannelSink out = new ChannelSink(new ByteArrayOutputStream(), false);
        ChannelSink err = new ChannelSink(new ByteArrayOutputStream(), false);
        AtomicInteger released = new AtomicInteger();
        out.whenReleased(released::incrementAndGet);
        err.whenReleased(released::incrementAndGet);
        Login login = new Login(false, out, err);
        login.process.hold(List.of(out.open(), err.open()));

        Future<Integer> first = login.start("waiter");
        await("waiter running", () -> saw("waiter started"));
        assertThat(out.holders()).isEqualTo(2);
        assertThat(released).hasValue(0);
        assertThat(new Login(false).run("kill -TERM " + event("waiter started").replaceAll(".*pid=(\\d+).*", "$1")))
                .isZero();
        assertThat(first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(released).hasValue(2);

        events.clear();
        released.set(0);
        Login second = new Login(false, out, err);
        second.process.hold(List.of(out.open(), err.open()));
        Future<Integer> exec = second.start("echo $$; exec waiter > /var/tmp/w.out 2>&1 < /dev/null");
        await("waiter running", () -> saw("waiter started"));
        await("both outputs released", () -> released.get() == 2);
        assertThat(out.holders()).isZero();
        assertThat(err.holders()).isZero();
        assertThat(host.processes().find(second.process.pid())).isPresent();
        assertThat(new Login(false).run("kill -TERM " + second.process.pid())).isZero();
        assertThat(exec.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
    }
}
