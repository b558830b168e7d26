package org.kzmove.sim.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.kzmove.testsupport.OpenSsh;
import org.kzmove.testsupport.StreamCollector;
import org.kzmove.sim.audit.CommandAudit;
import org.kzmove.sim.clock.ManualClock;
import org.kzmove.sim.command.BrokenPipeException;
import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.command.SimCommand;
import org.kzmove.sim.process.Signal;
import org.kzmove.sim.shell.CommandRegistry;
import org.kzmove.sim.shell.SimUser;
import org.kzmove.sim.shell.SimUsers;

/**
 * A simulated host on 127.0.0.1, port 0, driven by a {@link ManualClock}, with a client key made
 * by ssh-keygen and a real known_hosts file, plus fake commands that report what happened to them.
 */
final class SimHostFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");

    final Path dir;
    final ManualClock clock = new ManualClock(T0);
    final CommandAudit audit = new CommandAudit();
    final CommandRegistry registry = new CommandRegistry();
    /** What the fake commands saw: "waiter started", "waiter got SIGINT", "ticker broken pipe", ... */
    final Queue<String> events = new ConcurrentLinkedQueue<>();
    final Path clientKey;
    final Path knownHosts;
    final SimServer server;

    SimHostFixture(Path dir) throws Exception {
        this(dir, SimUsers.defaults());
    }

    SimHostFixture(Path dir, SimUsers users) throws Exception {
        this.dir = dir;
        this.clientKey = dir.resolve("id_ed25519");
        sshKeygen(clientKey);
        registry.register("/usr/bin/waiter", this::waiter);
        registry.register("/usr/bin/ticker", this::ticker);
        registry.register("/usr/bin/creds", SimHostFixture::creds);
        server = SimServer.builder()
                .hostname("kzhost1")
                .users(users)
                .clock(clock)
                .registry(registry)
                .audit(audit)
                .authorizedKeysFile(Path.of(clientKey + ".pub"))
                .build();
        server.start();
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
    }

    static void sshKeygen(Path key) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kzmove-test", "-f",
                key.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ssh-keygen failed: " + out);
        }
    }

    /**
     * A long-running foreground command: waits on the simulated clock until a signal comes,
     * reports it, and exits 3 (a handler of its own, as zoneadm has for SIGINT).
     */
    private int waiter(Invocation inv) {
        inv.stdout().println("waiter started pid=" + inv.pid());
        events.add("waiter started " + inv.pid());
        try {
            while (true) {
                inv.clock().sleep(Duration.ofHours(1));
            }
        } catch (InterruptedException e) {
            Signal s = inv.signals().take().orElse(null);
            events.add("waiter got " + (s == null ? "nothing" : s.sigName()));
            try {
                inv.stdout().println("waiter got " + (s == null ? "nothing" : s.sigName()));
            } catch (BrokenPipeException gone) {
                events.add("waiter could not report");
            }
            return 3;
        }
    }

    /** Prints a line per simulated second; records the broken pipe that ends it. */
    private int ticker(Invocation inv) throws InterruptedException {
        int n = 0;
        try {
            while (true) {
                inv.stdout().println("tick " + n++);
                events.add("ticker wrote " + (n - 1));
                inv.clock().sleep(Duration.ofSeconds(1));
            }
        } catch (BrokenPipeException e) {
            events.add("ticker broken pipe");
            throw e;
        } catch (InterruptedException e) {
            events.add("ticker got " + inv.signals().take().map(Signal::sigName).orElse("nothing"));
            throw e;
        }
    }

    private static int creds(Invocation inv) {
        var c = inv.credentials();
        inv.stdout().println("user=" + c.user() + " uid=" + c.uid() + " euid=" + c.effectiveUid() + " via=" + c.via());
        return 0;
    }

    boolean sawEvent(String text) {
        return events.contains(text);
    }

    boolean sawEventStartingWith(String prefix) {
        return events.stream().anyMatch(e -> e.startsWith(prefix));
    }

    // ---- sshj ----

    SSHClient connect(String user) throws IOException {
        SSHClient ssh = new SSHClient();
        ssh.addHostKeyVerifier(new OpenSSHKnownHosts(knownHosts.toFile()));
        ssh.connect("127.0.0.1", server.port());
        ssh.authPublickey(user, ssh.loadKeys(clientKey.toString()));
        return ssh;
    }

    record Result(String out, String err, int status) {
    }

    Result exec(String user, String command) throws IOException {
        try (SSHClient ssh = connect(user)) {
            return exec(ssh, command);
        }
    }

    static Result exec(SSHClient ssh, String command) throws IOException {
        try (Session s = ssh.startSession()) {
            Session.Command cmd = s.exec(command);
            String out = IOUtils.readFully(cmd.getInputStream()).toString(StandardCharsets.UTF_8);
            String err = IOUtils.readFully(cmd.getErrorStream()).toString(StandardCharsets.UTF_8);
            cmd.join(15, TimeUnit.SECONDS);
            Integer status = cmd.getExitStatus();
            return new Result(out, err, status == null ? -1 : status);
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
        return OpenSsh.command(knownHosts, clientKey, server.port(), user, extra);
    }

    Result openSsh(String user, String command) throws IOException, InterruptedException {
        List<String> cmd = sshCommand(user);
        cmd.add(command);
        Path errFile = Files.createTempFile(dir, "ssh", ".err");
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(errFile.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ssh did not finish: " + command);
        }
        return new Result(out, Files.readString(errFile), p.exitValue());
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    static SimUsers usersWithPassword(String user, char[] password) {
        List<SimUser> users = new ArrayList<>(SimUsers.defaults().all());
        users.add(SimUser.ordinary(user, 103).withPassword(password));
        return new SimUsers(users);
    }
}
