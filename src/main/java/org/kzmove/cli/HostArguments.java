package org.kzmove.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kzmove.app.KzmovePaths;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.profile.HostProfile;
import org.kzmove.remote.profile.HostProfileStore;
import org.kzmove.remote.ssh.HostKeyTrust;
import org.kzmove.remote.ssh.KnownHostsVerifier;
import org.kzmove.remote.ssh.RememberingSecretPrompt;
import org.kzmove.remote.ssh.SecretPrompt;
import org.kzmove.remote.ssh.SshAuth;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.remote.ssh.SshTarget;
import org.kzmove.solaris.InvalidValueException;

/**
 * The {@code HOST} argument and the options every host command shares: {@code HOST} is a saved
 * profile name or {@code [user@]address[:port]}; {@code -i KEYFILE}, {@code --known-hosts FILE},
 * {@code --accept-new-host-key}, {@code --privilege pfexec|sudo|none}, {@code --json}.
 * Everything is resolved and checked before a connection is opened.
 */
final class HostArguments {
    static final Set<String> WITH_VALUE = Set.of("-i", "--known-hosts", "--privilege");
    static final Set<String> FLAGS = Set.of("--accept-new-host-key", "--json");
    static final String USAGE = """
            HOST is a saved profile name (kzmove hosts add) or [user@]address[:port]
            (user defaults to your login name; an IPv6 address with a port goes in brackets).

            Connection options:
              -i KEYFILE              private key to log in with (default: the profile's, else
                                      ~/.ssh/id_ed25519, id_ecdsa, id_rsa; a password is asked on a terminal)
              --known-hosts FILE      where newly trusted host keys are written
                                      (default: kzmove's own known_hosts; ~/.ssh/known_hosts is read too)
              --accept-new-host-key   trust a host key seen for the first time without asking
                                      (a changed key is always refused)
              --privilege P           pfexec (default), sudo or none: how zone commands are elevated
              --json                  print JSON instead of text
            """;

    final SshTarget target;
    final List<SshAuth> auths;
    final Privilege privilege;
    final KnownHostsVerifier verifier;
    final boolean json;
    /** How the user named the host, for messages. */
    final String display;

    private HostArguments(SshTarget target, List<SshAuth> auths, Privilege privilege, KnownHostsVerifier verifier,
            boolean json) {
        this.target = target;
        this.auths = auths;
        this.privilege = privilege;
        this.verifier = verifier;
        this.json = json;
        this.display = target.display();
    }

    /**
     * @throws Options.UsageException for anything wrong in what was typed (nothing has been sent)
     * @throws IOException            when the saved profiles cannot be read
     */
    static HostArguments resolve(String host, Options o, KzmovePaths paths, Console console)
            throws Options.UsageException, IOException {
        Optional<HostProfile> profile = isProfileName(host) ? new HostProfileStore(paths.hostProfiles()).find(host)
                : Optional.empty();
        String address;
        int port;
        String user;
        String keyFile;
        Privilege privilege;
        if (profile.isPresent()) {
            HostProfile p = profile.get();
            address = p.address();
            port = p.port();
            user = p.user();
            keyFile = p.keyFile();
            privilege = p.privilege();
        } else {
            HostAddress a;
            try {
                a = HostAddress.parse(host);
            } catch (InvalidValueException e) {
                throw new Options.UsageException("'" + InvalidValueException.printable(host)
                        + "' is neither a saved host nor [user@]address[:port]: " + e.getMessage());
            }
            address = a.address();
            port = a.port() == null ? 22 : a.port();
            user = a.user() == null ? System.getProperty("user.name") : a.user();
            keyFile = null;
            privilege = Privilege.PFEXEC;
            try {
                new HostProfile("cli", address, port, user, null, privilege).validated();
            } catch (InvalidValueException e) {
                throw new Options.UsageException(e.getMessage());
            }
        }
        if (o.has("--privilege")) {
            privilege = Privilege.fromLabel(o.value("--privilege")).orElseThrow(() -> new Options.UsageException(
                    "--privilege must be pfexec, sudo or none, got '" + o.value("--privilege") + "'"));
        }
        if (o.has("-i")) {
            keyFile = o.value("-i");
            if (!Files.isReadable(Path.of(keyFile))) {
                throw new Options.UsageException("key file " + keyFile + " does not exist or cannot be read");
            }
        }
        // Remembered in memory for this command: a move opens a connection of its own for its start.
        SecretPrompt secret = new RememberingSecretPrompt(ConsolePrompts.secret(console));
        List<SshAuth> auths = new ArrayList<>();
        if (keyFile != null) {
            auths.add(new SshAuth.KeyFile(Path.of(keyFile), secret));
        } else {
            for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
                Path p = KzmovePaths.userSshDir().resolve(name);
                if (Files.isReadable(p)) {
                    auths.add(new SshAuth.KeyFile(p, secret));
                }
            }
        }
        if (console != null) {
            auths.add(new SshAuth.Password(secret));
        }
        if (auths.isEmpty()) {
            throw new Options.UsageException("no way to log in to " + host + ": give a key file with -i "
                    + "(no terminal to ask a password on)");
        }
        HostKeyTrust trust = o.has("--accept-new-host-key") ? HostKeyTrust.ACCEPT_NEW : ConsolePrompts.hostKeyTrust(console);
        Path own = o.has("--known-hosts") ? Path.of(o.value("--known-hosts")) : paths.knownHosts();
        Path users = KzmovePaths.userSshDir().resolve("known_hosts");
        KnownHostsVerifier verifier = new KnownHostsVerifier(List.of(users), own, trust);
        return new HostArguments(new SshTarget(address, port, user), List.copyOf(auths), privilege, verifier,
                o.has("--json"));
    }

    private static boolean isProfileName(String host) {
        try {
            HostProfile.validateName(host);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    SshConnection connect() throws RemoteException {
        return SshConnection.open(target, auths, verifier, SshConnection.Timeouts.DEFAULT);
    }

    /** The host and the positional words after it. */
    record Resolved(HostArguments host, List<String> rest) {
    }

    /**
     * Reads {@code HOST} and exactly {@code count - 1} more positional words (as {@code expected}
     * names them) with the shared options, and resolves the host; nothing is sent.
     */
    static Resolved resolvePositionals(List<String> args, int count, String expected, KzmovePaths paths)
            throws Options.UsageException, IOException {
        Options o = parse(args, Set.of(), Set.of());
        if (o.positional().size() != count) {
            throw new Options.UsageException("expected " + expected);
        }
        return new Resolved(resolve(o.positional().get(0), o, paths, System.console()),
                List.copyOf(o.positional().subList(1, count)));
    }

    /**
     * Prints why the arguments were refused, the way every host command does, and returns the exit
     * status: 2 for what was typed (nothing sent), 1 when local files could not be read.
     */
    static int refuse(String command, Exception e, CliIo io) {
        io.err().println("kzmove " + command + ": " + e.getMessage());
        if (e instanceof Options.UsageException) {
            io.err().println("Try 'kzmove " + command + " --help'.");
            return ExitCodes.USAGE;
        }
        return e instanceof InvalidValueException ? ExitCodes.USAGE : ExitCodes.ERROR;
    }

    /** Reads the shared options plus {@code extraValue}/{@code extraFlags} of one command. */
    static Options parse(List<String> args, Set<String> extraValue, Set<String> extraFlags) throws Options.UsageException {
        Set<String> values = new java.util.HashSet<>(WITH_VALUE);
        values.addAll(extraValue);
        Set<String> flags = new java.util.HashSet<>(FLAGS);
        flags.addAll(extraFlags);
        return Options.parse(args, values, flags);
    }
}
