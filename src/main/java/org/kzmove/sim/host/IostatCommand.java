package org.kzmove.sim.host;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.command.SimCommand;

/**
 * {@code iostat -En [device ...]}: the error counters and, what the console wants, the size of a
 * disk ({@code Size: 268.44GB <268435456000 bytes>}), so pre-checks can compare a target LUN with
 * the zone's pool before a move starts. Without operands, as on a real host, every disk is listed:
 * here every catalogue entry that shows up as a {@code /dev/dsk} disk (used or not; zvols and lofi
 * files are not disks to iostat), which is how the console finds the host's free storage.
 *
 * <p>The block layout follows Solaris iostat(8) {@code -E} output; the vendor, product and serial
 * values are INVENTED. Unlike a real host, a {@code /dev/zvol/...} path is also accepted (INVENTED:
 * real iostat lists no zvols; the console reads zvol sizes the same way to keep one probe).
 */
final class IostatCommand implements SimCommand {
    private final HostModel host;

    IostatCommand(HostModel host) {
        this.host = host;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = inv.argv().subList(1, inv.argv().size());
        if (args.isEmpty() || !args.get(0).matches("-[En]{1,2}") || !args.get(0).contains("E")) {
            inv.stderr().println("usage: iostat [-cCdDeEiImMnpPrstxXYz] [-l n] [-T d|u] [disk ...] [interval [count]]");
            return 1;
        }
        if (args.size() == 1) {
            for (StorageItem item : host.storage()) {
                if (item.mappedDevice().startsWith("/dev/dsk/")) {
                    print(inv, item);
                }
            }
            inv.stdout().flush();
            return 0;
        }
        int status = 0;
        for (String device : args.subList(1, args.size())) {
            Optional<StorageItem> item = find(device);
            if (item.isEmpty()) {
                // INVENTED: real iostat silently skips names it does not know
                inv.stderr().println("iostat: " + device + ": no such device");
                status = 1;
                continue;
            }
            print(inv, item.get());
        }
        inv.stdout().flush();
        return status;
    }

    private static void print(Invocation inv, StorageItem item) {
        long bytes = item.sizeBytes();
        String name = shortName(item.mappedDevice());
        inv.stdout().println(name + "          Soft Errors: 0 Hard Errors: 0 Transport Errors: 0");
        inv.stdout().println("Vendor: SUN      Product: ZFS Storage 7420 Revision: 1.0  Serial No:  ");
        inv.stdout().println(String.format(Locale.ROOT, "Size: %.2fGB <%d bytes>", bytes / 1e9, bytes));
        inv.stdout().println("Media Error: 0 Device Not Ready: 0 No Device: 0 Recoverable: 0");
        inv.stdout().println("Illegal Request: 0 Predictive Failure Analysis: 0");
    }

    private Optional<StorageItem> find(String device) {
        String dev = device.startsWith("/dev/") ? device : "/dev/dsk/" + device;
        Optional<StorageItem> item = host.storageByDevice(dev);
        return item.isPresent() ? item : host.storageByDevice(dev.replaceFirst("s\\d+$", ""));
    }

    private static String shortName(String devicePath) {
        return devicePath.startsWith("/dev/dsk/") ? devicePath.substring("/dev/dsk/".length()) : devicePath;
    }
}
