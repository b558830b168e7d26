package org.kzmove.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.BufferedReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.kzmove.testsupport.OpenSsh;
import org.kzmove.testsupport.StreamCollector;
import org.kzmove.testsupport.Conditions;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.kzmove.sim.audit.CommandAudit;
import org.kzmove.sim.clock.ManualClock;
import org.kzmove.sim.ssh.AuthorizedKeys;
import org.kzmove.solaris.move.MoveReport;
import org.kzmove.solaris.move.MoveTranscript;

/**
 * A whole {@link SimulatedHost} (scenario, Solaris commands, shell, SSH server) on 127.0.0.1,
 * port 0, reached by real clients: sshj with a real known_hosts verifier and the system's OpenSSH
 * client, both with a key made by ssh-keygen. The host runs on a {@link ManualClock} that the test
 * drives ({@link #driveUntil}), so a move advances only while the test asks for it and a Ctrl-C can
 * be sent at a chosen progress line, whatever the load of the machine.
 */
final class E2eHost implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final Path dir;
    final ManualClock clock = new ManualClock(T0);
    final CommandAudit audit = new CommandAudit();
    final Path clientKey;
    final Path knownHosts;
    final SimulatedHost host;
    /**
     * Threads that sleep on the clock for the host's whole life (the scenario's connection-drop
     * timer): time moves only while more than these sleep, so it never jumps ahead while a
     * command is between two sleeps.
     */
    int backgroundSleepers;

    E2eHost(Path dir, Path scenario) throws Exception {
        this(dir, new SimulatedHost.Options().scenario(scenario));
    }

    E2eHost(Path dir, SimulatedHost.Options options) throws Exception {
        this.dir = dir;
        this.clientKey = dir.resolve("id_ed25519");
        sshKeygen(clientKey);
        host = SimulatedHost.start(options.clock(clock).port(0)
                .hostKey(KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256))
                .authorizedKeys(AuthorizedKeys.fromFile(Path.of(clientKey + ".pub")))
                .audit(audit));
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, host.knownHostsLine() + "\n");
    }

    /** The test scenario of the host-model tests (zones lsm, mykz, kzmirror, ...). */
    static Path testScenario() {
        try {
            return Path.of(E2eHost.class.getResource("/scenarios/test-host.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sshKeygen(Path key) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kzmove-e2e", "-f",
                key.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ssh-keygen failed: " + out);
        }
    }

    // ---- the clock ----

    /**
     * Advances the simulated clock from one sleeper's deadline to the next, and only once the
     * threads woken before have run, until the condition holds: the moves run as fast as the
     * machine allows, in exact simulated time, and stop exactly where the test looks.
     */
    void driveUntil(String what, BooleanSupplier condition) {
        driveUntil(what, 1, condition);
    }

    /**
     * As {@link #driveUntil(String, BooleanSupplier)}, moving time only while at least
     * {@code commands} commands sleep: two moves started together stay together even when one
     * of them reaches the host late on a loaded machine.
     */
    void driveUntil(String what, int commands, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                clock.advanceToNextWakeup(backgroundSleepers + commands, Duration.ofMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }

    /**
     * Drives a move until its log on the host holds at least {@code lines} progress lines, lets
     * the move fall asleep again (the clock standing still), and waits until the client has
     * received every line logged: the moment a person presses Ctrl-C with no line in flight.
     */
    void driveToProgressLine(String zone, int lines, java.util.function.IntSupplier clientLines) {
        driveUntil(lines + " progress lines logged", () -> loggedProgressLines(zone) >= lines);
        try {
            if (!clock.awaitIdle(backgroundSleepers + 1, TIMEOUT)) {
                throw new AssertionError("the move did not fall asleep again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        int logged = loggedProgressLines(zone);
        await("client received " + logged + " progress lines", () -> clientLines.getAsInt() >= logged);
    }

    int loggedProgressLines(String zone) {
        var files = host.server().files();
        int n = 0;
        for (String name : files.list("/var/log/zones")) {
            if (name.endsWith("." + zone + ".move")) {
                String text = files.read(name.startsWith("/") ? name : "/var/log/zones/" + name)
                        .map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
                for (int i = text.indexOf(" resilvered at "); i >= 0; i = text.indexOf(" resilvered at ", i + 1)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Waits without moving the clock (a condition that needs no simulated time). */
    static void await(String what, BooleanSupplier condition) {
        Conditions.await(what, condition, TIMEOUT);
    }

    boolean noProcesses() {
        return host.server().processes().list().isEmpty();
    }

    // ---- sshj ----

    SSHClient connect(String user) throws IOException {
        SSHClient ssh = new SSHClient();
        ssh.addHostKeyVerifier(new OpenSSHKnownHosts(knownHosts.toFile()));
        ssh.connect("127.0.0.1", host.port());
        ssh.authPublickey(user, ssh.loadKeys(clientKey.toString()));
        return ssh;
    }

    record Result(String out, String err, int status) {
        String all() {
            return out + err;
        }
    }

    /** Runs a command that needs no simulated time (inventory, configuration, status). */
    Result exec(String user, String command) throws IOException {
        try (SSHClient ssh = connect(user)) {
            return exec(ssh, command);
        }
    }

    static Result exec(SSHClient ssh, String command) throws IOException {
        try (Session s = ssh.startSession()) {
            Session.Command cmd = s.exec(command);
            Collector out = new Collector(cmd.getInputStream());
            Collector err = new Collector(cmd.getErrorStream());
            cmd.join(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            out.join();
            err.join();
            Integer status = cmd.getExitStatus();
            return new Result(out.text(), err.text(), status == null ? -1 : status);
        }
    }

    /** Runs a command that takes simulated time (a move), driving the clock until it ends. */
    Result execDriven(String user, String command) throws IOException {
        try (SSHClient ssh = connect(user); Session s = ssh.startSession()) {
            Session.Command cmd = s.exec(command);
            Collector out = new Collector(cmd.getInputStream());
            Collector err = new Collector(cmd.getErrorStream());
            driveUntil("end of " + command, () -> out.ended() && err.ended());
            cmd.join(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Integer status = cmd.getExitStatus();
            return new Result(out.text(), err.text(), status == null ? -1 : status);
        }
    }

    /** Collects a stream in the background so tests can wait on what arrived (see StreamCollector). */
    static final class Collector extends StreamCollector {
        Collector(InputStream in) {
            super(in);
        }
    }

    static void type(OutputStream out, String text) throws IOException {
        StreamCollector.type(out, text);
    }

    // ---- OpenSSH client ----

    List<String> sshCommand(String user, String... extra) {
        return OpenSsh.command(knownHosts, clientKey, host.port(), user, extra);
    }

    /** The system ssh client running a command that needs no simulated time; the clock stands still. */
    Result openSsh(String user, String command) throws IOException, InterruptedException {
        return openSsh(user, command, false);
    }

    /** The system ssh client running a command that takes simulated time (a move), driving the clock until ssh exits. */
    Result openSshDriven(String user, String command) throws IOException, InterruptedException {
        return openSsh(user, command, true);
    }

    private Result openSsh(String user, String command, boolean drive) throws IOException, InterruptedException {
        List<String> cmd = sshCommand(user);
        cmd.add(command);
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        Collector out = new Collector(p.getInputStream());
        Collector err = new Collector(p.getErrorStream());
        if (drive) {
            driveUntil("ssh " + command, () -> !p.isAlive());
        } else if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ssh did not finish: " + command);
        }
        out.join();
        err.join();
        return new Result(out.text(), err.text(), p.exitValue());
    }

    // ---- kzmove's own reading of the output ----

    static MoveReport moveReport(String text) {
        try {
            return MoveTranscript.read(new BufferedReader(new StringReader(text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pty turns every newline into CR LF; the texts compared are the command's own. */
    static String fromPty(String text) {
        return text.replace("\r\n", "\n");
    }

    @Override
    public void close() throws IOException {
        host.close();
    }
}
