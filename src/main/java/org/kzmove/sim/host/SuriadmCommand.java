package org.kzmove.sim.host;

import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.solaris.storage.InvalidStorageUriException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.command.SimCommand;

/**
 * {@code suriadm parse | normalize | lookup-uri | lookup-mapping} (solaris-formats.md §5.3) for
 * the URIs the host knows.
 *
 * <p>The usage text is abbreviated from the 11.4 synopsis (solaris-formats.md §5.3) and INVENTED in
 * its layout.
 */
final class SuriadmCommand implements SimCommand {
    private final HostModel host;

    SuriadmCommand(HostModel host) {
        this.host = host;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = new ArrayList<>(inv.argv().subList(1, inv.argv().size()));
        if (args.isEmpty()) {
            return usage(inv);
        }
        String sub = args.remove(0);
        boolean noHeader = false;
        String fields = null;
        String type = null;
        String prop = null;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-H")) {
                noHeader = true;
            } else if (a.equals("-o") && i + 1 < args.size()) {
                fields = args.get(++i);
            } else if (a.equals("-t") && i + 1 < args.size()) {
                type = args.get(++i);
            } else if (a.equals("-p") && i + 1 < args.size()) {
                prop = args.get(++i);
            } else if (a.startsWith("-")) {
                return usage(inv);
            } else {
                operands.add(a);
            }
        }
        return switch (sub) {
            case "parse" -> parse(inv, operands, noHeader, fields);
            case "normalize" -> normalize(inv, operands);
            case "lookup-uri" -> lookupUri(inv, operands, type, prop);
            case "lookup-mapping" -> lookupMapping(inv, operands, noHeader, fields);
            default -> usage(inv);
        };
    }

    private int parse(Invocation inv, List<String> operands, boolean noHeader, String fields) {
        if (operands.size() != 1) {
            return usage(inv);
        }
        try {
            printProperties(inv, StorageUris.parse(operands.get(0)).properties(), noHeader, fields);
            return 0;
        } catch (InvalidStorageUriException e) {
            inv.stderr().println("suriadm: " + operands.get(0) + ": " + e.reason()); // INVENTED wording
            return 1;
        }
    }

    private int normalize(Invocation inv, List<String> operands) {
        if (operands.size() != 1) {
            return usage(inv);
        }
        try {
            inv.stdout().println(StorageUris.parse(operands.get(0)).normalized());
            return 0;
        } catch (InvalidStorageUriException e) {
            inv.stderr().println("suriadm: " + operands.get(0) + ": " + e.reason()); // INVENTED wording
            return 1;
        }
    }

    private int lookupUri(Invocation inv, List<String> operands, String type, String prop) {
        String device;
        if (prop != null && prop.startsWith("mapped-dev=")) {
            device = prop.substring("mapped-dev=".length());
        } else if (prop != null && prop.startsWith("luname=")) {
            String lun = prop.substring("luname=".length()).toLowerCase(Locale.ROOT);
            Optional<StorageItem> item = host.storage().stream()
                    .filter(s -> lun.equals(s.parsed().properties().getOrDefault("luname", "").toLowerCase(Locale.ROOT)))
                    .filter(s -> type == null || s.parsed().type().word().equals(type)).findFirst();
            if (item.isEmpty()) {
                inv.stderr().println("suriadm: no URI found for luname " + lun); // INVENTED
                return 1;
            }
            inv.stdout().println(item.get().parsed().normalized());
            return 0;
        } else if (operands.size() == 1) {
            device = operands.get(0);
        } else {
            return usage(inv);
        }
        String dev = device.replaceFirst("s\\d+$", "");
        List<StorageItem> matches = host.storage().stream()
                .filter(s -> s.mappedDevice().equals(dev) || s.mappedDevice().equals(device))
                .filter(s -> type == null || s.parsed().type().word().equals(type)).toList();
        if (matches.isEmpty()) {
            if (type == null || type.equals("dev")) {
                if (device.startsWith("/dev/")) {
                    inv.stdout().println("dev:" + device.substring(5)); // any device path has a dev: URI
                    return 0;
                }
            }
            inv.stderr().println("suriadm: " + device + ": no URI of the requested type found"); // INVENTED
            return 1;
        }
        for (StorageItem s : matches) {
            inv.stdout().println(s.parsed().normalized());
        }
        return 0;
    }

    private int lookupMapping(Invocation inv, List<String> operands, boolean noHeader, String fields) {
        if (operands.size() != 1) {
            return usage(inv);
        }
        Optional<StorageItem> item = host.storageItem(operands.get(0));
        if (item.isEmpty()) {
            // INVENTED: no real text is known
            inv.stderr().println("suriadm: " + operands.get(0) + ": no mapping found");
            return 1;
        }
        // INVENTED: the real lookup-mapping output is not known; PROPERTY/VALUE rows as parse prints them
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("uri", item.get().uri());
        props.put("uri-type", item.get().parsed().type().word());
        props.put("mapped-dev", item.get().mappedDevice());
        printProperties(inv, props, noHeader, fields);
        return 0;
    }

    private static void printProperties(Invocation inv, Map<String, String> props, boolean noHeader, String fields) {
        if (fields != null) {
            List<String> values = new ArrayList<>();
            for (String f : fields.split(",")) {
                values.add(props.getOrDefault(f, "-"));
            }
            inv.stdout().println(String.join("\t", values));
            return;
        }
        if (!noHeader) {
            inv.stdout().println(String.format(Locale.ROOT, "%-11s %s", "PROPERTY", "VALUE"));
        }
        for (Map.Entry<String, String> e : props.entrySet()) {
            inv.stdout().println(String.format(Locale.ROOT, "%-11s %s", e.getKey(), e.getValue()));
        }
        inv.stdout().flush();
    }

    private static int usage(Invocation inv) {
        inv.stderr().println("Usage:");
        inv.stderr().println("\tsuriadm parse [-H] [-o <p>,<p>,...] <URI>");
        inv.stderr().println("\tsuriadm normalize <URI>");
        inv.stderr().println("\tsuriadm lookup-mapping [-H] [-o <p>,<p>,...] <URI>");
        inv.stderr().println("\tsuriadm lookup-uri [-t <uri-type>] <device-path>");
        inv.stderr().println("\tsuriadm lookup-uri [-t <uri-type>] -p mapped-dev=<device-path>");
        inv.stderr().println("\tsuriadm lookup-uri [-t <uri-type>] -p luname=<luname>");
        return 2;
    }
}
