package org.kzmove.cli;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.kzmove.app.KzmovePaths;
import org.kzmove.migration.engine.FinalOutcome;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.job.DamagedRecordException;
import org.kzmove.migration.job.JobId;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.job.RecordWriter;
import org.kzmove.remote.RemoteException;

/** {@code kzmove attach HOST JOB}: follows one move to its end, from where it was last seen. */
final class AttachCommand implements Subcommand {
    /** Constants, so that {@code kzmove --help} lists the command without loading it. */
    static final String NAME = "attach";
    static final String SUMMARY =
            "follow a move (after a dropped connection or from another kzmove) to its end";
    private final Supplier<KzmovePaths> paths;
    private final InterruptSource interrupts;
    private final RecordWriter records;

    AttachCommand(Supplier<KzmovePaths> paths, InterruptSource interrupts) {
        this(paths, interrupts, RecordWriter.NIO);
    }

    /** @param records how job records reach the disk (tests make it fill up) */
    AttachCommand(Supplier<KzmovePaths> paths, InterruptSource interrupts, RecordWriter records) {
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
                Usage: kzmove attach HOST JOB [connection options] [--json]

                Follows the move JOB (see 'kzmove jobs HOST') from where it was last seen to its end,
                verifies the zone, and exits as 'kzmove move' does. Ctrl-C cancels the move as in
                'kzmove move'; a second Ctrl-C stops following.

                """ + HostArguments.USAGE + """

                Exit status: as 'kzmove move' (0 succeeded, 3 cancelled and rolled back, 4 failed and
                rolled back, 5 needs attention, 1 other errors, 2 usage error or unknown JOB).
                """;
    }

    @Override
    public int run(List<String> args, CliIo io) {
        HostArguments host;
        JobId id;
        try {
            HostArguments.Resolved r = HostArguments.resolvePositionals(args, 2, "HOST and JOB", paths.get());
            String job = r.rest().get(0);
            if (!JobId.isValid(job)) {
                throw new Options.UsageException("'" + org.kzmove.solaris.InvalidValueException.printable(job)
                        + "' is not a job id (see kzmove jobs HOST)");
            }
            id = new JobId(job);
            host = r.host();
        } catch (Options.UsageException | IOException e) {
            return HostArguments.refuse("attach", e, io);
        }
        ProgressPrinter printer = ProgressPrinter.forOutput(io, host.json, host.display);
        try (EngineFactory engine = new EngineFactory(host, paths.get(), records)) {
            Optional<JobRecord> record = engine.store.load(id);
            if (record.isPresent() && record.get().finished()) {
                printer.message("Job " + id.value() + " (zone " + record.get().zone() + ") already ended: "
                        + record.get().outcome());
                return FinalOutcome.valueOf(record.get().outcome()).exitCode();
            }
            // Only this job: following the host's other moves here would end them unseen when this one ends.
            Optional<MoveJob> job = engine.engine.reattach(id, MoveListener.NONE);
            if (job.isEmpty()) {
                io.err().println("kzmove attach: no job " + id.value() + " on " + host.display + " (see kzmove jobs "
                        + host.display + ")");
                return ExitCodes.USAGE;
            }
            job.get().addListener(printer);
            printer.message("Following job " + id.value() + " (zone " + job.get().zone() + "); Ctrl-C to cancel.");
            return new MoveCommand(paths, interrupts, records).follow(job.get(), printer, host, io);
        } catch (RemoteException e) {
            io.err().println("kzmove attach: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (DamagedRecordException e) {
            io.err().println("kzmove attach: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (IOException e) {
            io.err().println("kzmove attach: cannot read the job records: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }
}
