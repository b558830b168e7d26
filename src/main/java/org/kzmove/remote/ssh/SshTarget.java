package org.kzmove.remote.ssh;

import java.util.Objects;

/** Where to connect: {@code user@host:port}. */
public record SshTarget(String host, int port, String user) {
    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code user@host} or {@code user@host:port} for a port other than 22; IPv6 in brackets. */
    public String display() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return user + "@" + h + (port == 22 ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return display();
    }
}
