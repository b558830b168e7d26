package org.kzmove.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.kzmove.app.KzmovePaths;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.migration.precheck.Finding;
import org.kzmove.migration.precheck.PrecheckReport;
import org.kzmove.migration.precheck.PrecheckService;
import org.kzmove.inventory.RemoteShell;
import org.kzmove.remote.RemoteException;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.storage.StorageUris;

/** {@code kzmove check HOST ZONE -p URI ...}: the pre-checks of a move, a dry run that changes nothing. */
final class CheckCommand implements Subcommand {
    /** Constants, so that {@code kzmove --help} lists the command without loading it. */
    static final String NAME = "check";
    static final String SUMMARY =
            "pre-check a storage move (dry run: nothing changes on the host)";
    /** Exit status when the checks found errors (the move would fail). */
    static final int CHECK_ERRORS = ExitCodes.ERROR;

    private final Supplier<KzmovePaths> paths;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    CheckCommand(Supplier<KzmovePaths> paths) {
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
                Usage: kzmove check HOST ZONE -p URI [-x id=N] [-p URI [-x id=N] ...] [-x force-zpool-attach] [options]

                Finds what would make 'zoneadm -z ZONE move -p URI ...' fail, before it starts:
                zone exists, is solaris-kz and running; live and persistent configurations match;
                each target URI is known to the host, not given twice and used by no zone; each
                target is at least as large as the zone's root pool and carries no other pool's
                label (allowed, with a warning, with -x force-zpool-attach); the pool is healthy
                with a single disk or a mirror; no move of the zone is running; the login user
                has the rights to move it. Only read-only commands are run (three SSH round trips).

                  -p URI                  a target disk (suri(7) URI); two or more form a mirror
                  -x id=N                 the device id for the -p before it (the guest sees c1dN)
                  -x force-zpool-attach   the move will overwrite old pool labels on the targets

                """ + HostArguments.USAGE + """

                Exit status:
                  0  no errors (warnings may be shown): the move may start
                  1  the checks found errors, or the host could not be reached (one line says why)
                  2  usage error or invalid HOST, ZONE, URI or id (nothing was sent)
                """;
    }

    @Override
    public int run(List<String> args, CliIo io) {
        HostArguments host;
        MoveRequest request;
        try {
            MoveInvocation m = MoveInvocation.parse(args, paths.get());
            host = m.host();
            request = m.request();
        } catch (Options.UsageException | InvalidValueException | IOException e) {
            return HostArguments.refuse("check", e, io);
        }
        // Through the host session, so every command lands in kzmove's audit log.
        try (EngineFactory hostSide = new EngineFactory(host, paths.get())) {
            RemoteShell shell = script -> hostSide.session.query(script, java.time.Duration.ofMinutes(5));
            PrecheckReport report = new PrecheckService(host.privilege).check(host.display, shell, request);
            if (host.json) {
                io.out().println(json.writeValueAsString(toJson(report, request)));
            } else {
                printText(report, request, io);
            }
            return report.hasErrors() ? CHECK_ERRORS : ExitCodes.OK;
        } catch (RemoteException e) {
            io.err().println("kzmove check: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (InvalidValueException e) {
            io.err().println("kzmove check: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            io.err().println("kzmove check: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    /**
     * Takes {@code -p URI}, {@code -x id=N} and {@code -x force-zpool-attach} out of {@code args} in
     * order (an id belongs to the -p before it, as zoneadm reads it); the rest goes to {@code rest}.
     */
    static boolean readTargets(List<String> args, List<String> rest, List<MoveTarget> targets)
            throws Options.UsageException, InvalidValueException {
        boolean force = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-p") || a.equals("-x")) {
                if (i + 1 >= args.size()) {
                    throw new Options.UsageException("option " + a + " needs a value");
                }
                String v = args.get(++i);
                if (a.equals("-p")) {
                    targets.add(new MoveTarget(StorageUris.parse(v), null));
                } else if (v.equals("force-zpool-attach")) {
                    force = true;
                } else if (v.startsWith("id=")) {
                    if (targets.isEmpty() || targets.get(targets.size() - 1).diskId() != null) {
                        throw new Options.UsageException("-x " + v + " must follow the -p URI it is for");
                    }
                    int id;
                    try {
                        id = Integer.parseInt(v.substring(3));
                    } catch (NumberFormatException e) {
                        throw new InvalidValueException("disk id", v.substring(3), "is not a whole number");
                    }
                    MoveTarget last = targets.remove(targets.size() - 1);
                    targets.add(new MoveTarget(last.uri(), id).validated());
                } else {
                    throw new Options.UsageException("unknown -x option '" + InvalidValueException.printable(v)
                            + "': use force-zpool-attach or id=N");
                }
            } else {
                rest.add(a);
            }
        }
        return force;
    }

    static void printText(PrecheckReport report, MoveRequest request, CliIo io) {
        io.out().println("Pre-checks for moving zone '" + report.zone() + "' on " + report.host() + ":");
        try {
            io.out().println("  " + request.displayCommand(true));
        } catch (InvalidValueException e) {
            // Duplicates are findings below; the command line is only shown for a request that validates.
        }
        if (report.findings().isEmpty()) {
            io.out().println("OK: no problems found. The move may start.");
            return;
        }
        for (Finding f : report.findings()) {
            io.out().println(f.severity() + " " + f.code() + " [" + f.subject() + "]: " + f.message());
            if (!f.hint().isEmpty()) {
                io.out().println("    -> " + f.hint());
            }
        }
        int errors = report.errors().size();
        int warnings = report.warnings().size();
        io.out().println(errors == 0 ? "OK with " + warnings + " warning(s): the move may start."
                : errors + " error(s), " + warnings + " warning(s): the move would fail; fix the errors first.");
    }

    private static Map<String, Object> toJson(PrecheckReport report, MoveRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", report.host());
        m.put("zone", report.zone());
        m.put("targets", request.targets().stream().map(t -> {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("uri", t.uri().text());
            tm.put("diskId", t.diskId());
            return tm;
        }).toList());
        m.put("forceZpoolAttach", request.forceZpoolAttach());
        m.put("ok", !report.hasErrors());
        m.put("findings", report.findings().stream().map(f -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("severity", f.severity().name());
            fm.put("code", f.code().name());
            fm.put("subject", f.subject());
            fm.put("message", f.message());
            fm.put("hint", f.hint());
            return fm;
        }).toList());
        m.put("roundTrips", report.roundTrips());
        return m;
    }
}
