package org.kzmove.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The system OpenSSH client's command line for a simulated host on 127.0.0.1: strict host keys, no prompts. */
public final class OpenSsh {
    private OpenSsh() {
    }

    public static List<String> command(Path knownHosts, Path clientKey, int port, String user, String... extra) {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-i",
                clientKey.toString(), "-p", Integer.toString(port)));
        cmd.addAll(List.of(extra));
        cmd.add(user + "@127.0.0.1");
        return cmd;
    }
}
