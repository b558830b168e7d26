package org.kzmove.realsshd;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.kzmove.inventory.RemoteShell;
import org.kzmove.migration.job.HostJobFiles;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.audit.RemoteCommandAudit;
import org.kzmove.remote.session.HostSession;
import org.kzmove.remote.ssh.HostKeyTrust;
import org.kzmove.remote.ssh.KnownHostsVerifier;
import org.kzmove.remote.ssh.SshAuth;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.remote.ssh.SshTarget;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.clock.ManualClock;
import org.kzmove.sim.ssh.AuthorizedKeys;
import org.kzmove.sim.ssh.HostKeys;
import org.kzmove.testsupport.Conditions;
import org.kzmove.testsupport.StreamCollector;

/**
 * A second test host that nobody on this project wrote: a private OpenSSH {@code sshd} on
 * 127.0.0.1 (a free port, its own host key and config, nothing of the system's), whose users log
 * in to a real bash or ksh93 and find Solaris stand-ins first on their PATH. Real: sshd, the login
 * shells, {@code nohup}, {@code kill}, {@code ps}, {@code mkdir}, {@code ls}, {@code echo}, file
 * permissions and signal dispositions. Stand-ins (python3 scripts in {@code src/test/resources/realsshd}):
 * {@code pfexec} (marks the environment, then execs in place), Solaris {@code tail}, and the relay
 * stand-ins {@code zoneadm}, {@code zonecfg}, {@code zlogin}, {@code suriadm}, {@code zfs},
 * {@code iostat}, {@code zdb}, {@code uname}, which run the simulated host's commands ({@link SimRelay})
 * on a {@link ManualClock} the test advances. See docs/testing-real-sshd.md.
 *
 * <p>Needs root (it creates the users {@value #BASH_USER} and {@value #KSH_USER} and starts sshd),
 * {@code /usr/sbin/sshd}, {@code /usr/bin/ksh93} and {@code /usr/bin/python3}; without them the tests
 * are skipped with the reason, unless {@code CI=true}, where they fail with it.
 */
public final class RealSshdHost implements AutoCloseable {
    public static final String BASH_USER = "kzrsh1";
    public static final String KSH_USER = "kzrsh2";
    static final Path SCENARIO = Path.of("src/test/resources/scenarios/test-host.json");
    static final Path STAND_INS = Path.of("src/test/resources/realsshd");
    static final List<String> RELAYED = List.of("zoneadm", "zonecfg", "zlogin", "suriadm", "zfs", "iostat", "zdb",
            "uname");
    static final Duration WAIT = Duration.ofSeconds(30);
    /** The simulated host's user that both test users act as (uid, rights profiles). */
    static final String SIM_USER = "kzadmin";
    private static final String SSHD = "/usr/sbin/sshd";
    private static final String KSH93 = "/usr/bin/ksh93";
    private static final String PYTHON3 = "/usr/bin/python3";

    /** A login account of the test host and its login shell. */
    public record User(String name, String shell) {
        @Override
        public String toString() {
            return name + " (" + shell.substring(shell.lastIndexOf('/') + 1) + ")";
        }
    }

    public static final User BASH = new User(BASH_USER, "/bin/bash");
    public static final User KSH = new User(KSH_USER, KSH93);

    /** Both users, for parameterised tests: every behaviour is checked under bash and under ksh93. */
    public static List<User> users() {
        return List.of(BASH, KSH);
    }

    /** How the zoneadm stand-in treats SIGINT (file {@code zoneadm.sigint} beside it). */
    public enum SigintMode {
        /** Installs its handler whatever it inherited. */
        CATCH("catch"),
        /** {@code if (signal(SIGINT, SIG_IGN) != SIG_IGN) signal(SIGINT, handler)}: an inherited ignore stays. */
        KEEP_INHERITED_IGNORE("keep-inherited-ignore");

        final String word;

        SigintMode(String word) {
            this.word = word;
        }
    }

    public final Path dir;
    public final Path bin;
    public final Path varTmp;
    public final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T07:00:00Z"));
    public final SimulatedHost sim;
    public final SimRelay relay;
    public final KeyPair clientKey;
    private final Path etc;
    private final Path knownHosts;
    private final String runId;
    private final List<Integer> uids = new ArrayList<>();
    private int port;
    private Process sshd;
    private StreamCollector sshdLog;

    private RealSshdHost(Path dir) throws Exception {
        this.dir = dir;
        this.runId = HexFormat.of().formatHex(java.security.SecureRandom.getSeed(6));
        this.bin = mkdir(dir.resolve("bin"), "rwxr-xr-x");
        this.etc = mkdir(dir.resolve("etc"), "rwx------");
        Path keys = mkdir(dir.resolve("keys"), "rwxr-xr-x");
        this.varTmp = mkdir(dir.resolve("var-tmp"), "rwxrwxrwx");
        run("chmod", "1777", varTmp.toString()); // sticky, as /var/tmp: Java cannot set the sticky bit
        Path client = mkdir(dir.resolve("client"), "rwx------");
        this.knownHosts = client.resolve("known_hosts");

        this.clientKey = HostKeys.generate();
        // The simulator's own SSH server runs too (same model, same clock), for comparisons.
        this.sim = SimulatedHost.start(new SimulatedHost.Options().scenario(SCENARIO).port(0).clock(clock)
                .hostKey(HostKeys.generate()).authorizedKeys(new AuthorizedKeys(List.of(clientKey.getPublic()))));
        this.relay = new SimRelay(sim, SIM_USER);
        installStandIns();

        for (User u : users()) {
            uids.add(ensureUser(u));
            write(keys.resolve(u.name()), PublicKeyEntry.toString(clientKey.getPublic()) + "\n", "rw-r--r--");
        }
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kzmove real-sshd test host", "-f",
                hostKeyFile().toString());
        startSshd(true);
        trustCurrentHostKey();
    }

    /**
     * Starts the host in a fresh directory under /tmp (the test users must reach the stand-ins and
     * the job directory), or skips (fails under CI=true) when the machine cannot run it.
     */
    public static RealSshdHost start() throws Exception {
        requirePrerequisites();
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "kzmove-realsshd-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            return new RealSshdHost(dir);
        } catch (Exception | AssertionError e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** Skips with the reason (fails under {@code CI=true}) unless root, sshd, ksh93 and python3 are there. */
    public static void requirePrerequisites() {
        requirePrerequisites(missingPrerequisite(), System.getenv("CI"));
    }

    static void requirePrerequisites(Optional<String> missing, String ci) {
        if (missing.isEmpty()) {
            return;
        }
        String reason = "the real-sshd test host cannot run here: " + missing.get();
        if ("true".equals(ci)) {
            Assertions.fail(reason + " (CI=true: these tests must run in CI; .ci/run installs the packages)");
        }
        Assumptions.abort(reason);
    }

    static Optional<String> missingPrerequisite() {
        if (!System.getProperty("os.name").startsWith("Linux")) {
            return Optional.of("it needs Linux (found " + System.getProperty("os.name") + ")");
        }
        try {
            // the owner of /proc/self is this process's effective uid
            if (!Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))) {
                return Optional.of("not running as root (it creates two users and starts a private sshd)");
            }
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot tell whether this runs as root: " + e.getMessage());
        }
        for (String[] need : new String[][] {{SSHD, "openssh-server"}, {KSH93, "ksh"}, {PYTHON3, "python3"},
                {"/usr/bin/ssh-keygen", "openssh-client"}, {"/usr/sbin/useradd", "passwd"}}) {
            if (!Files.isExecutable(Path.of(need[0]))) {
                return Optional.of(need[0] + " is missing (Debian package " + need[1] + ")");
            }
        }
        return Optional.empty();
    }

    // ---- the host ----

    private void installStandIns() throws IOException {
        String relayStandIn = Files.readString(STAND_INS.resolve("relay-standin"));
        for (String name : RELAYED) {
            write(bin.resolve(name), relayStandIn, "rwxr-xr-x");
        }
        for (String name : List.of("pfexec", "tail")) {
            write(bin.resolve(name), Files.readString(STAND_INS.resolve(name)), "rwxr-xr-x");
        }
        write(bin.resolve("relay.conf"), relay.config(), "rw-r--r--");
        zoneadmSigint(SigintMode.KEEP_INHERITED_IGNORE);
    }

    /** Chooses how the zoneadm stand-in treats SIGINT from its next start on. */
    public void zoneadmSigint(SigintMode mode) throws IOException {
        write(bin.resolve("zoneadm.sigint"), mode.word + "\n", "rw-r--r--");
    }

    /**
     * Creates the account if missing (idempotent), with its shell and a password field sshd accepts
     * without PAM. Another build on the machine may be doing the same at the same moment (useradd and
     * usermod then fail on the lock or on the account that just appeared): look again and retry.
     */
    private static int ensureUser(User u) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                String passwd = runOutput("getent", "passwd", u.name());
                if (passwd.isBlank()) {
                    run("useradd", "-m", "-s", u.shell(), u.name());
                } else if (!passwd.strip().endsWith(":" + u.shell())) {
                    run("usermod", "-s", u.shell(), u.name());
                }
                // With UsePAM no, sshd refuses an account whose password field starts with '!' (locked);
                // useradd leaves '!', and '*' means "no password, not locked".
                String[] shadow = runOutput("getent", "shadow", u.name()).split(":");
                if (shadow.length < 2 || !shadow[1].equals("*")) {
                    run("usermod", "-p", "*", u.name());
                }
                return Integer.parseInt(runOutput("id", "-u", u.name()).strip());
            } catch (IllegalStateException e) {
                if (attempt >= 5) {
                    throw e;
                }
                Thread.sleep(200L * attempt); // back off from the other build's lock on /etc/passwd
            }
        }
    }

    private Path hostKeyFile() {
        return etc.resolve("ssh_host_ed25519_key");
    }

    private void writeConfig() throws IOException {
        String config = String.join("\n",
                "# kzmove test sshd (org.kzmove.realsshd.RealSshdHost): nothing of the system's configuration",
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + hostKeyFile(),
                "PidFile " + etc.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("keys") + "/%u",
                "UsePAM no",
                "StrictModes no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin no",
                "AllowUsers " + BASH_USER + " " + KSH_USER,
                "AllowTcpForwarding no",
                "X11Forwarding no",
                "PrintMotd no",
                "PrintLastLog no",
                // The stand-ins come first, as /usr/sbin and /usr/bin do on Solaris; KZRSH_RUN marks this
                // run's session processes so close() ends exactly those.
                "SetEnv PATH=" + bin + ":/usr/local/bin:/usr/bin:/bin KZRSH_RUN=" + runId,
                "");
        write(etc.resolve("sshd_config"), config, "rw-------");
    }

    private void startSshd(boolean newPort) throws Exception {
        // sshd's privilege separation directory (what the system's unit would create); it starts nothing.
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep)) {
            Files.createDirectories(privsep);
            Files.setPosixFilePermissions(privsep, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (int attempt = 0; ; attempt++) {
            if (newPort) {
                port = freePort();
            }
            writeConfig();
            sshd = new ProcessBuilder(SSHD, "-D", "-e", "-f", etc.resolve("sshd_config").toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            sshdLog = new StreamCollector(sshd.getErrorStream());
            String listening = "Server listening on 127.0.0.1 port " + port + ".";
            try {
                Conditions.await("sshd listening", () -> sshdLog.contains(listening) || !sshd.isAlive(), WAIT);
            } catch (AssertionError e) {
                throw new IllegalStateException(e.getMessage() + "; its log: " + sshdLog.text(), e);
            }
            if (sshdLog.contains(listening)) {
                return;
            }
            if (!newPort || attempt >= 3) {
                throw new IllegalStateException("the test sshd did not start: " + sshdLog.text());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** What the test sshd logged so far (-e: to its stderr). */
    public String sshdLog() {
        return sshdLog.text();
    }

    public int port() {
        return port;
    }

    /** {@code SHA256:...} of the host key sshd presents, as {@code ssh-keygen -l} prints it. */
    public String hostKeyFingerprint() throws IOException, InterruptedException {
        return runOutput("ssh-keygen", "-l", "-f", hostKeyFile() + ".pub").split(" ")[1];
    }

    /** The host was "reinstalled": a new host key, sshd restarted on the same port. */
    public void regenerateHostKeyAndRestart() throws Exception {
        stopSshd();
        Files.delete(hostKeyFile());
        Files.delete(Path.of(hostKeyFile() + ".pub"));
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kzmove real-sshd test host (new)", "-f",
                hostKeyFile().toString());
        startSshd(false);
    }

    // ---- the client side, as kzmove's composition root builds it ----

    public SshTarget target(User user) {
        return new SshTarget("127.0.0.1", port, user.name());
    }

    /** Writes the current host key to the client's known_hosts (what accepting it once did). */
    public void trustCurrentHostKey() throws IOException {
        String[] pub = Files.readString(Path.of(hostKeyFile() + ".pub")).split(" ");
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1].strip() + "\n");
    }

    /** Knows the host from the client's known_hosts (see {@link #trustCurrentHostKey()}) and trusts nothing new. */
    public KnownHostsVerifier verifier() {
        return new KnownHostsVerifier(List.of(knownHosts), dir.resolve("client/kzmove_known_hosts"), HostKeyTrust.REFUSE);
    }

    public SshConnection connect(User user) throws RemoteException {
        return SshConnection.open(target(user), List.of(new SshAuth.InMemoryKey(clientKey)), verifier(),
                SshConnection.Timeouts.DEFAULT);
    }

    public HostSession session(User user, RemoteCommandAudit audit) {
        SshTarget target = target(user);
        KnownHostsVerifier verifier = verifier();
        return new HostSession(target, () -> SshConnection.open(target, List.of(new SshAuth.InMemoryKey(clientKey)),
                verifier, SshConnection.Timeouts.DEFAULT), new HostSession.Backoff(Duration.ofMillis(20),
                Duration.ofMillis(200), 5), HostSession.Pause.SLEEP, audit, Clock.systemUTC());
    }

    /** The simulator's own SSH server in front of the same model, as {@value #SIM_USER}. */
    public SshConnection connectSimulator() throws RemoteException, IOException {
        Path simKnown = dir.resolve("client/sim_known_hosts");
        Files.writeString(simKnown, sim.knownHostsLine() + "\n");
        return SshConnection.open(new SshTarget("127.0.0.1", sim.port(), SIM_USER),
                List.of(new SshAuth.InMemoryKey(clientKey)), new KnownHostsVerifier(List.of(simKnown),
                        dir.resolve("client/sim_kzmove_known_hosts"), HostKeyTrust.REFUSE), SshConnection.Timeouts.DEFAULT);
    }

    public static RemoteShell shell(SshConnection connection) {
        return script -> connection.run(script.line());
    }

    /** Where kzmove keeps {@code user}'s job files on this host: a per-user directory under its /var/tmp. */
    public HostJobFiles jobFiles(User user) {
        return HostJobFiles.under(varTmp.toString(), user.name());
    }

    /** The length of a job file on the host's real file system (0 while it does not exist). */
    public long fileLength(String path) {
        try {
            return Files.size(Path.of(path));
        } catch (IOException e) {
            return 0;
        }
    }

    public String fileText(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            return "";
        }
    }

    // ---- simulated time ----

    /**
     * Moves simulated time on, a second at a time and only while a simulated command sleeps on it,
     * until {@code condition} holds: zoneadm runs as fast as the host lets it, and stops where the test
     * wants to look.
     */
    public void advanceUntil(String what, BooleanSupplier condition) {
        Conditions.await(what, () -> {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (clock.sleepers() > 0) {
                clock.advance(Duration.ofSeconds(1));
            }
            return false;
        }, WAIT);
    }

    // ---- the end ----

    private void stopSshd() throws InterruptedException {
        if (sshd == null) {
            return;
        }
        sshd.descendants().forEach(ProcessHandle::destroy); // the per-connection sshd processes
        sshd.destroy();
        if (!sshd.waitFor(10, TimeUnit.SECONDS)) {
            sshd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        sshd = null;
    }

    /**
     * Every process of a test user that carries this run's {@code KZRSH_RUN} mark: the shells,
     * stand-ins and detached moves that sshd's sessions left behind.
     */
    List<ProcessHandle> runProcesses() {
        List<ProcessHandle> found = new ArrayList<>();
        String mark = "KZRSH_RUN=" + runId;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String status = Files.readString(p.resolve("status"));
                    int uid = status.lines().filter(l -> l.startsWith("Uid:")).map(l -> Integer.parseInt(l.split("\\s+")[1]))
                            .findFirst().orElse(-1);
                    if (uids.contains(uid)) {
                        String env = new String(Files.readAllBytes(p.resolve("environ")), StandardCharsets.UTF_8);
                        if (List.of(env.split("\0")).contains(mark)) {
                            ProcessHandle.of(Long.parseLong(p.getFileName().toString())).ifPresent(found::add);
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return found;
    }

    @Override
    public void close() throws Exception {
        try {
            stopSshd();
            for (ProcessHandle p : runProcesses()) {
                p.destroyForcibly();
            }
            Conditions.await("this run's session processes gone", () -> runProcesses().isEmpty(), WAIT);
        } finally {
            relay.close();
            sim.close();
            deleteTree(dir);
        }
    }

    // ---- small tools ----

    private static Path mkdir(Path p, String mode) throws IOException {
        Files.createDirectories(p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        return p;
    }

    private static void write(Path p, String text, String mode) throws IOException {
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    /** stdout of a command that may fail (getent of an absent user): empty then. */
    private static String runOutput(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return p.waitFor() == 0 ? out : "";
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
