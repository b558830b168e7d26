package org.kzmove.remote.command;

/**
 * The programs kzmove runs on a host, by the names Solaris puts on a user's PATH. A fixed set: a
 * remote command can only start with one of these.
 */
public enum Program {
    ZONEADM("zoneadm"),
    ZONECFG("zonecfg"),
    ZLOGIN("zlogin"),
    SURIADM("suriadm"),
    ZFS("zfs"),
    UNAME("uname"),
    ID("id"),
    CAT("cat"),
    TAIL("tail"),
    LS("ls"),
    MKDIR("mkdir"),
    RM("rm"),
    PS("ps"),
    KILL("kill"),
    ECHO("echo"),
    IOSTAT("iostat"),
    ZDB("zdb"),
    NOHUP("nohup");

    private final String command;

    Program(String command) {
        this.command = command;
    }

    public String command() {
        return command;
    }
}
