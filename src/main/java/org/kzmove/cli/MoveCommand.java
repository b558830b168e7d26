package org.kzmove.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.kzmove.app.KzmovePaths;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.engine.CancelResult;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.migration.engine.ZoneBusyException;
import org.kzmove.migration.engine.MoveResult;
import org.kzmove.migration.job.RecordWriter;
import org.kzmove.migration.precheck.PrecheckReport;
import org.kzmove.migration.precheck.PrecheckService;
import org.kzmove.remote.RemoteException;
import org.kzmove.solaris.InvalidValueException;
import org.tinylog.Logger;

/**
 * {@code kzmove move}: pre-checks, then the move, detached on the host and followed here. Ctrl-C
 * asks zoneadm to roll back and waits for the rollback; a second Ctrl-C stops following and
 * leaves the move running on the host.
 */
final class MoveCommand implements Subcommand {
    /** Constants, so that {@code kzmove --help} lists the command without loading it. */
    static final String NAME = "move";
    static final String SUMMARY =
            "move a running kernel zone's root pool to new storage, with pre-checks, progress and Ctrl-C rollback";
    /** The move was detached by a second Ctrl-C: still running on the host. */
    static final int DETACHED = ExitCodes.ERROR;

    private final Supplier<KzmovePaths> paths;
    private final InterruptSource interrupts;
    private final RecordWriter records;

    MoveCommand(Supplier<KzmovePaths> paths, InterruptSource interrupts) {
        this(paths, interrupts, RecordWriter.NIO);
    }

    /** @param records how job records reach the disk (tests make it fill up) */
    MoveCommand(Supplier<KzmovePaths> paths, InterruptSource interrupts, RecordWriter records) {
        this.paths = paths;
        this.interrupts = interrupts;
        this.records = records;
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
                Usage: kzmove move HOST ZONE -p URI [-x id=N] [-p URI [-x id=N] ...] [-x force-zpool-attach]
                                   [connection options] [--json]

                Runs the pre-checks (kzmove check), then 'zoneadm -z ZONE move -v ...' on the host,
                detached from this connection (it goes on if the connection drops or kzmove exits),
                and follows it: phase, percent, rate, zoneadm's ETA and kzmove's own ETA range on a
                terminal; plain lines otherwise; one JSON event per line with --json. Afterwards the
                zone is read back and verified.

                Ctrl-C asks zoneadm to roll the zone back to its original disks and waits for the
                rollback to end (once the original disks are detached that is no longer possible
                and kzmove says so). A second Ctrl-C stops following; the move goes on on the host
                ('kzmove attach HOST JOB' follows it again).

                """ + HostArguments.USAGE + """

                Exit status:
                  0  the move succeeded and the zone was verified on its new disks
                  1  other errors (host unreachable, lost, or the move left running by a second Ctrl-C)
                  2  bad input or pre-check errors: nothing was started
                  3  cancelled; zoneadm rolled the zone back to its original disks
                  4  failed; zoneadm rolled the zone back to its original disks
                  5  the outcome needs attention (clean-up failed, zoneadm died, the zone is not as expected)
                """;
    }

    @Override
    public int run(List<String> args, CliIo io) {
        HostArguments host;
        MoveRequest request;
        try {
            MoveInvocation m = MoveInvocation.parse(args, paths.get());
            host = m.host();
            // Unlike check, which reports them as findings, a move refuses duplicates outright.
            request = m.request().validated();
        } catch (Options.UsageException | InvalidValueException | IOException e) {
            return HostArguments.refuse("move", e, io);
        }
        ProgressPrinter printer = ProgressPrinter.forOutput(io, host.json, host.display);
        try (EngineFactory engine = new EngineFactory(host, paths.get(), records)) {
            PrecheckReport report = new PrecheckService(host.privilege).check(host.display,
                    script -> engine.session.query(script, java.time.Duration.ofMinutes(2)), request);
            if (!host.json) {
                CheckCommand.printText(report, request, io);
            }
            if (report.hasErrors()) {
                if (host.json) {
                    printer.message("pre-checks found " + report.errors().size() + " error(s); nothing was started");
                }
                return ExitCodes.USAGE;
            }
            MoveJob job = engine.engine.start(request, printer);
            printer.message("Started job " + job.id().value() + " (zone " + request.zone() + "); Ctrl-C to cancel.");
            return follow(job, printer, host, io);
        } catch (ZoneBusyException e) {
            io.err().println("kzmove move: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RemoteException e) {
            io.err().println("kzmove move: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (InvalidValueException e) {
            io.err().println("kzmove move: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            io.err().println("kzmove move: cannot open kzmove's job records or audit log: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    /** Waits for the outcome, turning Ctrl-C into a cancel, and a second one into detaching. */
    int follow(MoveJob job, ProgressPrinter printer, HostArguments host, CliIo io) {
        CompletableFuture<Integer> detached = new CompletableFuture<>();
        AtomicInteger presses = new AtomicInteger();
        CompletableFuture<Void> cancelSent = new CompletableFuture<>();
        interrupts.install(() -> {
            if (presses.incrementAndGet() >= 2) {
                // The first Ctrl-C's cancel must reach the host before this connection closes.
                CompletableFuture.runAsync(() -> {
                    try {
                        cancelSent.get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                        printer.message("The cancel may not have reached the host: " + e.getMessage());
                    }
                    printer.message("Stopped following. The move goes on on the host: kzmove attach " + host.display
                            + " " + job.id().value());
                    detached.complete(DETACHED);
                });
                return;
            }
            // Not on the signal thread: cancelling is a remote command.
            CompletableFuture.runAsync(() -> {
                try {
                    CancelResult c = job.cancel();
                    printer.message(c.message());
                } catch (RemoteException e) {
                    printer.message("Could not send the cancel: " + e.getMessage());
                } finally {
                    cancelSent.complete(null);
                }
            });
        });
        try {
            Object first = CompletableFuture.anyOf(job.result(), detached).get();
            if (first instanceof Integer code) {
                return code;
            }
            return ((MoveResult) first).outcome().exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.ERROR;
        } catch (ExecutionException e) {
            Logger.error(e.getCause(), "Following job {} failed", job.id());
            io.err().println("kzmove: following the move failed: " + e.getCause().getMessage()
                    + "; it may still run on the host (kzmove jobs " + host.display + ").");
            return ExitCodes.ERROR;
        } finally {
            interrupts.restore();
        }
    }
}
