package org.kzmove.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.kzmove.app.KzmovePaths;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.shell.SimUser;
import org.kzmove.sim.ssh.AuthorizedKeys;
import org.tinylog.Logger;

/** {@code kzmove sim}: runs a simulated Solaris 11.4 host in the foreground until Ctrl-C. */
final class SimCommandLine implements Subcommand {
    /** Constants, so that {@code kzmove --help} lists the command without loading it. */
    static final String NAME = "sim";
    static final String SUMMARY =
            "run a simulated Solaris 11.4 host with kernel zones over SSH (for trying and rehearsing)";
    static final int DEFAULT_PORT = 2222;

    private final KzmovePaths paths;

    SimCommandLine(KzmovePaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return SUMMARY;
    }

    @Override
    public String usage() {
        return """
                Usage: kzmove sim [--port N] [--bind ADDR] [--scenario FILE] [--zones N] [--time-scale X]
                                  [--seed N] [--authorized-keys FILE] [--host-key FILE] [--audit FILE]

                Runs a simulated Solaris 11.4 host: an SSH server whose shell, zoneadm, zonecfg,
                zlogin ... zpool, suriadm and zfs behave and print like the real ones, with kernel
                zones whose storage can be moved live (zoneadm move), resilvers that take time,
                scenario faults, and Ctrl-C rollback. Nothing runs on, or is written to, this machine
                except the host key and the audit file. Stops on Ctrl-C.

                Options:
                  --port N              port to listen on (default 2222; 0 = any free port)
                  --bind ADDR           address to listen on (default 127.0.0.1: this machine only)
                  --scenario FILE       host scenario (JSON, docs/simulator-scenario.md; default: the demo host)
                  --zones N             a generated host with N kernel zones instead of a scenario
                  --time-scale X        simulated seconds per real second (default 1)
                  --seed N              seed for every random choice (same seed, same output)
                  --authorized-keys F   public keys allowed to log in (default: ~/.ssh/authorized_keys and ~/.ssh/*.pub)
                  --host-key FILE       the host key, created if missing (default: kzmove's data directory)
                  --audit FILE          append every command line received as JSON lines
                """;
    }

    @Override
    public int run(List<String> args, CliIo io) {
        Options o;
        SimulatedHost.Options options = new SimulatedHost.Options();
        try {
            o = Options.parse(args, Set.of("--port", "--bind", "--scenario", "--zones", "--time-scale", "--seed",
                    "--authorized-keys", "--host-key", "--audit"), Set.of());
            if (!o.positional().isEmpty()) {
                throw new Options.UsageException("unexpected argument '" + o.positional().get(0) + "'");
            }
            if (o.has("--scenario") && o.has("--zones")) {
                throw new Options.UsageException("--scenario and --zones exclude each other");
            }
            options.port(o.intValue("--port", DEFAULT_PORT, 0, 65535))
                    .timeScale(o.doubleValue("--time-scale", 1));
            if (o.has("--bind")) {
                options.bindAddress(o.value("--bind"));
            }
            if (o.has("--scenario")) {
                options.scenario(Path.of(o.value("--scenario")));
            }
            if (o.has("--zones")) {
                options.generatedZones(o.intValue("--zones", 0, 1, 10_000));
            }
            Long seed = o.longValue("--seed");
            if (seed != null) {
                options.seed(seed);
            }
            options.hostKeyFile(o.has("--host-key") ? Path.of(o.value("--host-key")) : paths.simulatorHostKey());
            if (o.has("--audit")) {
                options.auditFile(Path.of(o.value("--audit")));
            }
        } catch (Options.UsageException e) {
            io.err().println("kzmove sim: " + e.getMessage());
            io.err().println("Try 'kzmove sim --help'.");
            return ExitCodes.USAGE;
        }
        AuthorizedKeys keys;
        try {
            keys = o.has("--authorized-keys") ? AuthorizedKeys.fromFile(Path.of(o.value("--authorized-keys")))
                    : AuthorizedKeys.ofCurrentUser();
        } catch (IOException e) {
            io.err().println("kzmove sim: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        options.authorizedKeys(keys);

        SimulatedHost host;
        try {
            host = SimulatedHost.start(options);
        } catch (IOException | IllegalArgumentException e) {
            io.err().println("kzmove sim: cannot start: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (GeneralSecurityException e) {
            Logger.error(e, "Host key problem");
            io.err().println("kzmove sim: cannot use the host key: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        printBanner(host, options, keys, o, io);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                host.close();
            } catch (IOException e) {
                Logger.warn(e, "Closing the simulated host");
            }
            stopped.countDown();
        }, "kzmove-sim-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private static void printBanner(SimulatedHost host, SimulatedHost.Options options, AuthorizedKeys keys, Options o,
            CliIo io) {
        String bind = o.has("--bind") ? o.value("--bind") : "127.0.0.1";
        String address = bind.indexOf(':') >= 0 ? "[" + bind + "]" : bind;
        io.out().println("Simulated Solaris 11.4 host '" + host.hostname() + "' (" + host.model().zones().size()
                + " zones) listening on " + address + ":" + host.port());
        io.out().println("Host key: " + host.hostKeyFingerprint());
        io.out().println("Users:");
        for (SimUser u : host.users()) {
            String role = u.uid() == 0 ? "superuser"
                    : !u.profiles().isEmpty() ? "rights profiles: " + String.join(", ", u.profiles())
                            + (u.sudoer() ? "; sudo -n" : "") + " (use pfexec zoneadm ...)"
                    : u.sudoer() ? "sudo -n" : "ordinary user (zoneadm move is refused)";
            io.out().println("  " + u.name() + "  uid " + u.uid() + "  " + role
                    + (u.password().isPresent() ? "  (password login)" : ""));
        }
        io.out().println("Time scale: " + (o.value("--time-scale") == null ? "1" : o.value("--time-scale"))
                + " simulated second(s) per second");
        String admin = host.users().stream().filter(u -> u.uid() != 0 && !u.profiles().isEmpty())
                .map(SimUser::name).findFirst().orElse("root");
        io.out().println("Connect with:");
        io.out().println("  ssh -p " + host.port() + " " + admin + "@" + (bind.equals("0.0.0.0") ? "127.0.0.1" : bind));
        if (keys.keys().isEmpty()) {
            io.out().println("Note: no public key was found in ~/.ssh to authorise; create one with "
                    + "'ssh-keygen -t ed25519' or pass --authorized-keys FILE.");
        }
        io.out().println("Press Ctrl-C to stop.");
        io.out().flush();
    }
}
