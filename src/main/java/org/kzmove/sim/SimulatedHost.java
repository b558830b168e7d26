package org.kzmove.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.kzmove.sim.audit.CommandAudit;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.zone.ZoneName;
import org.kzmove.sim.clock.ScaledClock;
import org.kzmove.sim.clock.SimClock;
import org.kzmove.sim.command.SimCommand;
import org.kzmove.sim.fs.InMemoryFileSystem;
import org.kzmove.sim.host.HostModel;
import org.kzmove.sim.host.HostUser;
import org.kzmove.sim.host.scenario.HostScenario;
import org.kzmove.sim.process.SimThreads;
import org.kzmove.sim.shell.CommandRegistry;
import org.kzmove.sim.shell.SimUser;
import org.kzmove.sim.shell.SimUsers;
import org.kzmove.sim.ssh.AuthorizedKeys;
import org.kzmove.sim.ssh.SimServer;
import org.tinylog.Logger;

/**
 * A running simulated Solaris 11.4 host: the host model of a scenario, its Solaris commands, the
 * shell, and the SSH server in front of them. This is what {@code kzmove sim}, the console's Demo
 * host and the integration tests start.
 */
public final class SimulatedHost implements AutoCloseable {
    /** The scenario shipped as {@code app/scenarios/demo.json}, also packed into the jar. */
    public static final String DEMO_SCENARIO_RESOURCE = "/scenarios/demo.json";

    private final HostModel model;
    private final SimServer server;
    private final ExecutorService background;

    private SimulatedHost(HostModel model, SimServer server, ExecutorService background) {
        this.model = model;
        this.server = server;
        this.background = background;
    }

    /** How to start a simulated host; every field has a safe default (demo scenario, loopback, any port). */
    public static final class Options {
        private Path scenarioFile;
        private Integer generatedZones;
        private Long seed;
        private double timeScale = 1;
        private SimClock clock;
        private String bindAddress = "127.0.0.1";
        private int port;
        private Path hostKeyFile;
        private KeyPair hostKey;
        private AuthorizedKeys authorizedKeys;
        private Path auditFile;
        private CommandAudit audit;
        private boolean passwordAuthentication = true;

        public Options scenario(Path file) {
            this.scenarioFile = file;
            return this;
        }

        /** A generated host with this many kernel zones instead of a scenario file. */
        public Options generatedZones(int zones) {
            this.generatedZones = zones;
            return this;
        }

        /** Overrides the scenario's seed (same seed, same resilver jitter, same output). */
        public Options seed(long value) {
            this.seed = value;
            return this;
        }

        /** Simulated seconds per real second; ignored when a clock is given. */
        public Options timeScale(double scale) {
            this.timeScale = scale;
            return this;
        }

        /** A clock of the caller's (tests pass a ManualClock). */
        public Options clock(SimClock value) {
            this.clock = value;
            return this;
        }

        public Options bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        public Options port(int value) {
            this.port = value;
            return this;
        }

        /** Where the host key lives; created on first start, reused afterwards. */
        public Options hostKeyFile(Path file) {
            this.hostKeyFile = file;
            return this;
        }

        /** A host key held in memory (tests). */
        public Options hostKey(KeyPair pair) {
            this.hostKey = pair;
            return this;
        }

        public Options authorizedKeys(AuthorizedKeys keys) {
            this.authorizedKeys = keys;
            return this;
        }

        public Options auditFile(Path file) {
            this.auditFile = file;
            return this;
        }

        public Options audit(CommandAudit value) {
            this.audit = value;
            return this;
        }

        /**
         * sshd_config's {@code PasswordAuthentication}: false leaves users with a password only
         * keyboard-interactive, as on a host that logs in through PAM alone.
         */
        public Options passwordAuthentication(boolean on) {
            this.passwordAuthentication = on;
            return this;
        }
    }

    /**
     * Loads the scenario, starts the SSH server and schedules the scenario's connection-drop fault.
     *
     * @throws IOException              when the scenario, host key or authorized keys cannot be read, or
     *                                  the port cannot be bound
     * @throws IllegalArgumentException when the scenario's content is invalid (the message says where)
     */
    public static SimulatedHost start(Options o) throws IOException, GeneralSecurityException {
        HostModel model = loadModel(o);
        SimClock clock = o.clock != null ? o.clock : new ScaledClock(Instant.now(), o.timeScale);
        CommandRegistry registry = new CommandRegistry();
        for (Map.Entry<String, SimCommand> e : model.commands().entrySet()) {
            registry.register(e.getKey(), e.getValue());
        }
        SimServer.Builder b = SimServer.builder()
                .hostname(model.hostname())
                .users(users(model))
                .clock(clock)
                .files(new InMemoryFileSystem())
                .registry(registry)
                .bindAddress(o.bindAddress)
                .port(o.port)
                .passwordAuthentication(o.passwordAuthentication)
                .authorizedKeys(o.authorizedKeys != null ? o.authorizedKeys : AuthorizedKeys.ofCurrentUser());
        if (o.hostKey != null) {
            b.hostKey(o.hostKey);
        } else if (o.hostKeyFile != null) {
            b.hostKeyPath(o.hostKeyFile);
        }
        if (o.audit != null) {
            b.audit(o.audit);
        }
        if (o.auditFile != null) {
            b.auditFile(o.auditFile);
        }
        SimServer server = b.build();
        server.start();
        ExecutorService background = SimThreads.newHostExecutor(model.hostname() + "-faults");
        model.scheduledConnectionDrop().ifPresent(after -> background.submit(() -> {
            try {
                clock.sleep(after);
                Logger.info("Scenario fault: dropping every connection after {}", after);
                server.dropAllConnections();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        return new SimulatedHost(model, server, background);
    }

    private static HostModel loadModel(Options o) throws IOException {
        if (o.generatedZones != null) {
            if (o.generatedZones < 1 || o.generatedZones > 10_000) {
                throw new IllegalArgumentException("--zones must be between 1 and 10000, got " + o.generatedZones);
            }
            return HostModel.generate(o.generatedZones, o.seed != null ? o.seed : 1L);
        }
        ObjectMapper json = HostModel.json();
        HostScenario scenario;
        if (o.scenarioFile != null) {
            if (!Files.isRegularFile(o.scenarioFile)) {
                throw new IOException("scenario file " + o.scenarioFile + " does not exist");
            }
            try (InputStream in = Files.newInputStream(o.scenarioFile)) {
                scenario = json.readValue(in, HostScenario.class);
            } catch (JsonProcessingException e) {
                throw new IOException("scenario " + o.scenarioFile + " is not valid: " + describe(e), e);
            }
        } else {
            try (InputStream in = SimulatedHost.class.getResourceAsStream(DEMO_SCENARIO_RESOURCE)) {
                if (in == null) {
                    throw new IOException("the demo scenario is missing from this build (" + DEMO_SCENARIO_RESOURCE + ")");
                }
                scenario = json.readValue(in, HostScenario.class);
            }
        }
        validate(scenario);
        if (o.seed != null) {
            scenario = new HostScenario(scenario.hostname(), o.seed, scenario.users(), scenario.resilver(),
                    scenario.storage(), scenario.zones(), scenario.globalPools(), scenario.dropConnectionsAfter(),
                    scenario.zoneadmSigint());
        }
        return HostModel.fromScenario(scenario);
    }

    /** What real Solaris would never allow, refused before the host exists. */
    private static void validate(HostScenario scenario) {
        if (scenario.zones() == null) {
            return;
        }
        for (HostScenario.ZoneSpec z : scenario.zones()) {
            try {
                ZoneName.validate(z.name());
            } catch (InvalidValueException e) {
                throw new IllegalArgumentException("scenario zone: " + e.getMessage());
            }
        }
    }

    /** One line for people: what is wrong and where, without Jackson's class names. */
    static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'" + where + "; see docs/simulator-scenario.md";
        }
        String message = e.getOriginalMessage();
        for (String noise : new String[] {" (start marker", " (class org.kzmove", " at [Source"}) {
            int cut = message.indexOf(noise);
            if (cut > 0) {
                message = message.substring(0, cut);
            }
        }
        return message.replace('\n', ' ') + where;
    }

    private static SimUsers users(HostModel model) {
        if (model.users().isEmpty()) {
            // A scenario without accounts still gets the usual three, or nobody could log in.
            return SimUsers.defaults();
        }
        List<SimUser> users = new ArrayList<>();
        HashSet<String> seen = new HashSet<>();
        for (HostUser u : model.users()) {
            if (!seen.add(u.name())) {
                throw new IllegalArgumentException("scenario lists user '" + u.name() + "' twice");
            }
            String home = u.uid() == 0 ? "/root" : "/export/home/" + u.name();
            int gid = u.uid() == 0 ? 0 : 10;
            users.add(new SimUser(u.name(), u.uid(), gid, home, new HashSet<>(u.profiles()), u.sudoer(), u.passwordHash()));
        }
        return new SimUsers(users);
    }

    /** The accounts that can log in (the scenario's, or the defaults when it has none). */
    public List<SimUser> users() {
        return server.host().users().all();
    }

    public HostModel model() {
        return model;
    }

    public SimServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public String hostname() {
        return model.hostname();
    }

    public String hostKeyFingerprint() {
        return server.hostKeyFingerprint();
    }

    /** The line a client adds to known_hosts: {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}. */
    public String knownHostsLine() {
        return server.knownHostsLine();
    }

    @Override
    public void close() throws IOException {
        background.shutdownNow();
        server.close();
    }

    /** How long until the scenario drops every connection, if it does (for display). */
    public java.util.Optional<Duration> scheduledConnectionDrop() {
        return model.scheduledConnectionDrop();
    }
}
