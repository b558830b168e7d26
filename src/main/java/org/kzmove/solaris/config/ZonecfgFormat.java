package org.kzmove.solaris.config;

/**
 * Prints a {@link ZoneConfig} as {@code zonecfg info}, {@code info <resource>} and
 * {@code zonecfg export} do (solaris-formats.md §3.1, §3.2), for the simulated host.
 */
public final class ZonecfgFormat {
    private ZonecfgFormat() {
    }

    /**
     * {@code zonecfg -z Z info}: {@code zonename: Z}, the globals ({@code name: value}, a bare
     * {@code name:} when empty, {@code name not specified} when unset), then each resource with its
     * properties indented by one TAB. Inside a resource zonecfg's output_prop() prints an empty value
     * as "not specified" too, so an empty resource property comes out that way.
     */
    public static String info(ZoneConfig config) {
        StringBuilder sb = new StringBuilder();
        if (config.zonename() != null) {
            globalLine(sb, ConfigProperty.of("zonename", config.zonename()));
        }
        for (ConfigProperty p : config.globals()) {
            globalLine(sb, p);
        }
        for (ConfigResource r : config.resources()) {
            resourceInfo(sb, r);
        }
        return sb.toString();
    }

    /** {@code info <type>}, e.g. {@code info device}: only the resources of that type. */
    public static String info(ZoneConfig config, String resourceType) {
        StringBuilder sb = new StringBuilder();
        for (ConfigResource r : config.resources(resourceType)) {
            resourceInfo(sb, r);
        }
        return sb.toString();
    }

    /**
     * {@code zonecfg -z Z export}: {@code create -b}, {@code set} lines for the globals that have a
     * value, then {@code add}/{@code set}/{@code end} per resource. Unset and empty properties are
     * left out, as export_func() does; the zone name is not part of an export.
     */
    public static String export(ZoneConfig config) {
        StringBuilder sb = new StringBuilder("create -b\n");
        for (ConfigProperty p : config.globals()) {
            setLine(sb, p);
        }
        for (ConfigResource r : config.resources()) {
            sb.append("add ").append(r.type()).append('\n');
            for (ConfigProperty p : r.properties()) {
                setLine(sb, p);
            }
            sb.append("end\n");
        }
        return sb.toString();
    }

    /** zonecfg's quoteit(): double quotes around a value holding a space, nothing escaped. */
    public static String quote(String value) {
        return value.indexOf(' ') >= 0 ? '"' + value + '"' : value;
    }

    private static void globalLine(StringBuilder sb, ConfigProperty p) {
        if (p.value() == null) {
            sb.append(p.name()).append(" not specified\n");
        } else if (p.value().isEmpty()) {
            sb.append(p.name()).append(":\n");
        } else {
            sb.append(p.name()).append(": ").append(quote(p.value())).append('\n');
        }
    }

    private static void resourceInfo(StringBuilder sb, ConfigResource r) {
        sb.append(r.type());
        if (r.index() != null) {
            sb.append(' ').append(r.index());
        }
        sb.append(":\n");
        for (ConfigProperty p : r.properties()) {
            if (p.value() == null || p.value().isEmpty()) {
                sb.append('\t').append(p.name()).append(" not specified\n");
            } else {
                sb.append('\t').append(p.name()).append(": ").append(quote(p.value())).append('\n');
            }
        }
    }

    private static void setLine(StringBuilder sb, ConfigProperty p) {
        if (p.value() != null && !p.value().isEmpty()) {
            sb.append("set ").append(p.name()).append('=').append(quote(p.value())).append('\n');
        }
    }
}
