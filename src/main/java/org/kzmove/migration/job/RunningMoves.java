package org.kzmove.migration.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.command.Program;
import org.kzmove.remote.command.RemoteCommand;
import org.kzmove.solaris.InvalidValueException;

/**
 * The {@code zoneadm -z ZONE move} processes a host runs, whoever started them, read from
 * {@code ps -e -o pid,args}: the pre-checks report them, and the engine refuses to start a second move
 * of a zone (zoneadm's own per-zone lock would only make it wait, then move the zone again).
 */
public final class RunningMoves {
    /** Words that may stand before zoneadm in a move's process arguments (elevation, detaching). */
    private static final Set<String> WRAPPERS = Set.of("pfexec", "sudo", "-n", "nohup", "/usr/bin/pfexec",
            "/usr/bin/sudo", "/usr/bin/nohup");

    private RunningMoves() {
    }

    /** A process of {@code ps -e -o pid,args}. */
    public record Process(int pid, String args) {
    }

    /** {@code ps -e -o pid,args} (ps(1): every process, its pid and whole argument list). */
    public static RemoteCommand listCommand() {
        try {
            return RemoteCommand.of(Program.PS, Privilege.NONE).flag("-e").flag("-o").word("pid,args").build();
        } catch (InvalidValueException e) {
            throw new IllegalStateException("constant arguments are valid", e);
        }
    }

    /** Processes running {@code zoneadm -z ZONE move ...}, however elevated (pfexec, sudo, nohup). */
    public static List<Process> of(String psOutput, String zone) {
        List<Process> found = new ArrayList<>();
        for (String line : psOutput.split("\r?\n")) {
            String t = line.strip();
            int space = t.indexOf(' ');
            if (space < 0 || !t.substring(0, space).chars().allMatch(Character::isDigit)) {
                continue; // the header and anything unexpected
            }
            String[] words = t.substring(space + 1).strip().split("\\s+");
            if (isMoveOf(words, zone)) {
                found.add(new Process(Integer.parseInt(t.substring(0, space)), t.substring(space + 1).strip()));
            }
        }
        return found;
    }

    private static boolean isMoveOf(String[] words, String zone) {
        for (int i = 0; i + 3 < words.length; i++) {
            if (i > 0 && !WRAPPERS.contains(words[i - 1])) {
                return false; // zoneadm as an argument of another program (grep, less) is no move
            }
            if ((words[i].equals("zoneadm") || words[i].endsWith("/zoneadm")) && words[i + 1].equals("-z")
                    && words[i + 2].equals(zone) && words[i + 3].equals("move")) {
                return true;
            }
        }
        return false;
    }
}
