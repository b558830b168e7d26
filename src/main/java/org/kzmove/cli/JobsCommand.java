package org.kzmove.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.kzmove.app.KzmovePaths;
import org.kzmove.migration.engine.MoveEngine;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.job.HostJobFiles;
import org.kzmove.migration.job.JobId;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.job.JobStore;
import org.kzmove.migration.job.RecordWriter;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.ssh.CommandResult;

/**
 * {@code kzmove jobs HOST}: the moves kzmove knows of on a host, recorded here or found there. A move
 * whose record is unfinished is looked at on the host: one whose zoneadm has ended (its end was not
 * recorded: the disk was full, kzmove was killed or lost the host) is followed to its end and its
 * outcome recorded now, as {@code kzmove attach} would; one still running is only listed.
 */
final class JobsCommand implements Subcommand {
    /** Constants, so that {@code kzmove --help} lists the command without loading it. */
    static final String NAME = "jobs";
    static final String SUMMARY =
            "list the moves of a host: running, finished, and found on the host but never followed here";
    /** The most a move whose zoneadm has ended may take to be read to its end and verified. */
    private static final Duration RECOVERY_WAIT = Duration.ofMinutes(2);

    private final Supplier<KzmovePaths> paths;
    private final RecordWriter records;

    JobsCommand(Supplier<KzmovePaths> paths) {
        this(paths, RecordWriter.NIO);
    }

    /** @param records how job records reach the disk (tests make it fill up) */
    JobsCommand(Supplier<KzmovePaths> paths, RecordWriter records) {
        this.paths = paths;
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
                Usage: kzmove jobs HOST [connection options] [--json]

                Lists the moves recorded in kzmove's data directory for HOST, and the job files found
                on the host (/var/tmp/kzmove-USER) that no record here knows of (moves started by
                kzmove elsewhere). 'kzmove attach HOST JOB' follows one to its end.

                A move recorded here as unfinished is looked at on the host. If zoneadm has ended (the
                end was not recorded: kzmove's disk was full, kzmove was killed or lost the host),
                its job file is read to the end, the zone verified and the outcome recorded now, as
                'kzmove attach' does. States:
                  SUCCEEDED, CANCELLED_AND_ROLLED_BACK, FAILED_AND_ROLLED_BACK, NEEDS_ATTENTION
                               the move's outcome as recorded (or recorded just now)
                  RUNNING      zoneadm still runs on the host
                  UNFINISHED   the host could not tell (a note says why); 'kzmove attach' follows it
                  ON_HOST_ONLY a job file on the host that no record here knows of

                """ + HostArguments.USAGE + """

                Exit status: 0 listed; 1 the records or the host could not be read, a record is damaged
                (the others are still listed; the damaged file is named and left as it is), or an outcome
                read from the host could not be recorded (the disk is full); 2 usage error.
                """;
    }

    @Override
    public int run(List<String> args, CliIo io) {
        HostArguments host;
        try {
            host = HostArguments.resolvePositionals(args, 1, "HOST", paths.get()).host();
        } catch (Options.UsageException | IOException e) {
            return HostArguments.refuse("jobs", e, io);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> notSaved = new java.util.concurrent.CopyOnWriteArrayList<>();
        MoveListener saying = new MoveListener() {
            @Override
            public void onRecordNotSaved(JobId job, String problem) {
                notSaved.add("kzmove jobs: " + problem + "; run 'kzmove jobs " + host.display + "' again once there is room.");
            }
        };
        List<String> damaged;
        try (EngineFactory engine = new EngineFactory(host, paths.get(), records)) {
            JobStore.Scan scan = engine.store.scan();
            damaged = scan.damaged();
            // A damaged record's job is not "on the host only": it has a record, one a person must look at.
            List<String> known = new ArrayList<>(scan.damagedIds());
            for (JobRecord r : scan.records()) {
                if (!r.host().equals(engine.engine.hostKey())) {
                    continue;
                }
                known.add(r.id());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("job", r.id());
                row.put("zone", r.zone());
                row.put("started", r.startedAt() == null ? null : r.startedAt().toString());
                row.put("state", r.finished() ? r.outcome() : state(engine, r, saying, host, notes, row));
                row.put("targets", r.targets());
                rows.add(row);
            }
            CommandResult ls = engine.session.query(HostJobFiles.forUser(engine.session.target().user()).list(), Duration.ofSeconds(30));
            if (ls.succeeded()) {
                for (JobId id : HostJobFiles.jobIds(ls.stdout())) {
                    if (!known.contains(id.value())) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("job", id.value());
                        row.put("zone", null);
                        row.put("started", null);
                        row.put("state", "ON_HOST_ONLY");
                        row.put("targets", List.of());
                        rows.add(row);
                    }
                }
            }
        } catch (RemoteException e) {
            io.err().println("kzmove jobs: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (IOException e) {
            io.err().println("kzmove jobs: cannot read the job records: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        rows.sort((a, b) -> String.valueOf(a.get("job")).compareTo(String.valueOf(b.get("job"))));
        damaged.forEach(line -> io.err().println("kzmove jobs: skipped a damaged record: " + line));
        notSaved.forEach(io.err()::println);
        int status = damaged.isEmpty() && notSaved.isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
        if (host.json) {
            try {
                io.out().println(new ObjectMapper().registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(rows));
            } catch (IOException e) {
                io.err().println("kzmove jobs: " + e.getMessage());
                return ExitCodes.ERROR;
            }
            return status;
        }
        if (rows.isEmpty()) {
            io.out().println("No moves known for " + host.display + ".");
            return status;
        }
        io.out().printf("%-36s %-16s %-26s %s%n", "JOB", "ZONE", "STATE", "TARGETS");
        for (Map<String, Object> r : rows) {
            io.out().printf("%-36s %-16s %-26s %s%n", r.get("job"), r.get("zone") == null ? "-" : r.get("zone"),
                    r.get("state"), String.join(" ", castList(r.get("targets"))));
        }
        notes.forEach(io.out()::println);
        return status;
    }

    /**
     * The state of a move recorded as unfinished, after one look at the host; a move whose zoneadm has
     * ended is followed to its end and its outcome recorded ({@link MoveEngine#recover}). A note for the
     * person goes to {@code notes} and the row.
     */
    private static String state(EngineFactory engine, JobRecord r, MoveListener listener, HostArguments host,
            List<String> notes, Map<String, Object> row) throws RemoteException {
        MoveEngine.Recovery found = engine.engine.recover(r, listener, RECOVERY_WAIT);
        String note = switch (found.state()) {
            case RUNNING -> null;
            case ENDED -> "Job " + r.id() + " ended on the host while kzmove was not recording it; its outcome was "
                    + "read from there just now.";
            case UNKNOWN -> "Job " + r.id() + " is unfinished here and the host could not tell how it stands ("
                    + found.reason() + "); 'kzmove attach " + host.display + " " + r.id() + "' follows it to its outcome.";
        };
        if (note != null) {
            notes.add(note);
            row.put("note", note);
        }
        return switch (found.state()) {
            case RUNNING -> "RUNNING";
            case ENDED -> found.outcome().name();
            case UNKNOWN -> "UNFINISHED";
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }
}
