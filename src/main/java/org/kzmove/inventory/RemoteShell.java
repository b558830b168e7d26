package org.kzmove.inventory;

import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.RemoteScript;
import org.kzmove.remote.ssh.CommandResult;

/** Runs a script on one host and returns what it printed: an SSH connection, in production. */
@FunctionalInterface
public interface RemoteShell {
    CommandResult run(RemoteScript script) throws RemoteException;
}
