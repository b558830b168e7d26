package org.kzmove.remote.ssh;

/** What a finished remote command left: its exit status and both output streams (UTF-8). */
public record CommandResult(int exitStatus, String stdout, String stderr) {
    public boolean succeeded() {
        return exitStatus == 0;
    }
}
