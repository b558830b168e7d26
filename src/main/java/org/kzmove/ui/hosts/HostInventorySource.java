package org.kzmove.ui.hosts;

import org.kzmove.inventory.HostInventory;

/**
 * A host the console lists, and how to read its zones. {@link #load()} blocks (it may start a
 * host, connect, and run SSH commands): the view models call it only through the task executor.
 */
public interface HostInventorySource {

    /** The name shown in the hosts list, e.g. "Demo host". */
    String name();

    /** Where the host is, for people: {@code user@address:port}, or a description before connecting. */
    String address();

    /**
     * Connects when needed and reads the host's zones.
     *
     * @throws Exception with a message fit for people (what failed, what to do)
     */
    HostInventory load() throws Exception;
}
