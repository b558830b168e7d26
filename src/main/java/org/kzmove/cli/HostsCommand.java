package org.kzmove.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.kzmove.app.KzmovePaths;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.profile.HostProfile;
import org.kzmove.remote.profile.HostProfileStore;
import org.kzmove.solaris.InvalidValueException;

/** {@code kzmove hosts add|list|remove}: the saved host profiles. Never connects to a host. */
final class HostsCommand implements Subcommand {
    /** Constants, so that {@code kzmove --help} lists the command without loading it. */
    static final String NAME = "hosts";
    static final String SUMMARY =
            "add, list and remove saved hosts (profiles hold no secrets)";
    private final KzmovePaths paths;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    HostsCommand(KzmovePaths paths) {
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
                Usage: kzmove hosts add NAME [user@]ADDRESS[:PORT] [-i KEYFILE] [--privilege pfexec|sudo|none]
                       kzmove hosts list [--json]
                       kzmove hosts remove NAME

                Saved hosts can be named instead of an address in 'kzmove zones' and 'kzmove check'.
                A profile holds the address, port (default 22), login user (default: your login name),
                key file and how zone commands are elevated (default pfexec); never a password.

                Exit status: 0 done, 1 the profile file cannot be read or written, a saved host in it
                is damaged (list shows the others and names it; add and remove change nothing until it
                is fixed), or no such host to remove, 2 usage error or invalid value (nothing saved).
                """;
    }

    @Override
    public int run(List<String> args, CliIo io) {
        try {
            Options o = Options.parse(args, Set.of("-i", "--privilege"), Set.of("--json"));
            List<String> pos = o.positional();
            if (pos.isEmpty()) {
                throw new Options.UsageException("missing action: add, list or remove");
            }
            HostProfileStore store = new HostProfileStore(paths.hostProfiles());
            return switch (pos.get(0)) {
                case "add" -> add(store, o, io);
                case "list" -> list(store, o, io);
                case "remove" -> remove(store, o, io);
                default -> throw new Options.UsageException("unknown action '" + pos.get(0) + "': add, list or remove");
            };
        } catch (Options.UsageException e) {
            io.err().println("kzmove hosts: " + e.getMessage());
            io.err().println("Try 'kzmove hosts --help'.");
            return ExitCodes.USAGE;
        } catch (InvalidValueException e) {
            io.err().println("kzmove hosts: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            io.err().println("kzmove hosts: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    private int add(HostProfileStore store, Options o, CliIo io)
            throws Options.UsageException, InvalidValueException, IOException {
        List<String> pos = o.positional();
        if (pos.size() != 3) {
            throw new Options.UsageException("add needs NAME and [user@]ADDRESS[:PORT]");
        }
        HostAddress address = HostAddress.parse(pos.get(2));
        Privilege privilege = Privilege.PFEXEC;
        if (o.has("--privilege")) {
            privilege = Privilege.fromLabel(o.value("--privilege")).orElseThrow(() -> new Options.UsageException(
                    "--privilege must be pfexec, sudo or none, got '" + o.value("--privilege") + "'"));
        }
        String keyFile = o.value("-i") == null ? null : java.nio.file.Path.of(o.value("-i")).toAbsolutePath().toString();
        HostProfile profile = new HostProfile(pos.get(1), address.address(), address.port() == null ? 22 : address.port(),
                address.user() == null ? System.getProperty("user.name") : address.user(), keyFile, privilege);
        store.add(profile);
        io.out().println("Saved host '" + profile.name() + "': " + describe(profile));
        return ExitCodes.OK;
    }

    private int list(HostProfileStore store, Options o, CliIo io) throws IOException {
        HostProfileStore.Listing listing = store.read();
        List<HostProfile> hosts = listing.hosts();
        // The others are still listed; the damaged ones are named, one line each, and the file is not touched.
        listing.damaged().forEach(line -> io.err().println("kzmove hosts: skipped a damaged saved host: " + line));
        int status = listing.damaged().isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
        if (o.has("--json")) {
            List<Map<String, Object>> rows = hosts.stream().map(HostsCommand::row).toList();
            io.out().println(json.writeValueAsString(Map.of("hosts", rows)));
            return status;
        }
        if (hosts.isEmpty()) {
            io.out().println("No saved hosts. Add one with 'kzmove hosts add NAME [user@]ADDRESS[:PORT]'.");
            return status;
        }
        TextTable table = new TextTable("NAME", "USER@ADDRESS", "PRIVILEGE", "KEY FILE");
        for (HostProfile h : hosts) {
            table.row(h.name(), describeTarget(h), h.privilege().label(), h.keyFile() == null ? "-" : h.keyFile());
        }
        table.print(io.out());
        return status;
    }

    private int remove(HostProfileStore store, Options o, CliIo io) throws Options.UsageException, IOException {
        List<String> pos = o.positional();
        if (pos.size() != 2) {
            throw new Options.UsageException("remove needs NAME");
        }
        if (!store.remove(pos.get(1))) {
            io.err().println("kzmove hosts: no saved host named '" + InvalidValueException.printable(pos.get(1)) + "'");
            return ExitCodes.ERROR;
        }
        io.out().println("Removed host '" + pos.get(1) + "'.");
        return ExitCodes.OK;
    }

    private static Map<String, Object> row(HostProfile h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("address", h.address());
        m.put("port", h.port());
        m.put("user", h.user());
        m.put("keyFile", h.keyFile());
        m.put("privilege", h.privilege().label());
        return m;
    }

    private static String describeTarget(HostProfile h) {
        String a = h.address().indexOf(':') >= 0 ? "[" + h.address() + "]" : h.address();
        return h.user() + "@" + a + (h.port() == 22 ? "" : ":" + h.port());
    }

    private static String describe(HostProfile h) {
        return describeTarget(h) + ", privilege " + h.privilege().label()
                + (h.keyFile() == null ? "" : ", key " + h.keyFile());
    }
}
