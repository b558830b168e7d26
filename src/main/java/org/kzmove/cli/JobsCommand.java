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
import org.kzmove.migration.job.HostJobFiles;
import org.kzmove.migration.job.JobId;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.job.JobStore;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.ssh.CommandResult;

/** {@code kzmove jobs HOST}: the moves kzmove knows of on a host, recorded here or found there. */
final class JobsCommand implements Subcommand {
    /** Constants, so that {@code kzmove --help} lists the command without loading it. */
    static final String NAME = "jobs";
    static final String SUMMARY =
            "list the moves of a host: running, finished, and found on the host but never followed here";
    private final Supplier<KzmovePaths> paths;

    JobsCommand(Supplier<KzmovePaths> paths) {
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
                Usage: kzmove jobs HOST [connection options] [--json]

                Lists the moves recorded in kzmove's data directory for HOST, and the job files found
                on the host (/var/tmp/kzmove-USER) that no record here knows of (moves started by
                kzmove elsewhere). 'kzmove attach HOST JOB' follows one to its end.

                """ + HostArguments.USAGE + """

                Exit status: 0 listed; 1 the records or the host could not be read, or a record is damaged
                (the others are still listed; the damaged file is named and left as it is); 2 usage error.
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
        List<String> damaged;
        try (EngineFactory engine = new EngineFactory(host, paths.get())) {
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
                row.put("state", r.finished() ? r.outcome() : "RUNNING_OR_UNSEEN");
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
        int status = damaged.isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
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
        return status;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }
}
