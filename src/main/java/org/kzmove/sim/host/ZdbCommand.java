package org.kzmove.sim.host;

import java.util.List;
import java.util.Optional;

import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.command.SimCommand;

/**
 * {@code zdb -l DEVICE}: the ZFS labels on a disk, the read-only way to see that a disk is "part of
 * another pool" before {@code zoneadm move}'s temporary {@code zpool create} would refuse it.
 *
 * <p>Only the lines the console reads are printed ({@code name: 'POOL'} and {@code state:}); the
 * real label holds many more nvlist fields. The label text for a disk without labels
 * ({@code failed to unpack label N}) is as Solaris zdb prints it; the exit status 1 is
 * INFERENCE. The simulator lets any user read the labels (INVENTED: on a real host raw disks are
 * readable by root only).
 */
final class ZdbCommand implements SimCommand {
    private final HostModel host;

    ZdbCommand(HostModel host) {
        this.host = host;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = inv.argv().subList(1, inv.argv().size());
        if (args.size() != 2 || !args.get(0).equals("-l")) {
            inv.stderr().println("Usage: zdb -l <device>"); // INVENTED: abbreviated
            return 2;
        }
        String device = args.get(1);
        Optional<StorageItem> item = host.storageByDevice(device);
        if (item.isEmpty()) {
            item = host.storageByDevice(device.replaceFirst("s\\d+$", ""));
        }
        if (item.isEmpty()) {
            inv.stderr().println("cannot open '" + device + "': No such device or address");
            return 1;
        }
        String pool = item.get().inUseByPool();
        if (pool == null) {
            for (int i = 0; i < 4; i++) {
                inv.stdout().println("--------------------------------------------");
                inv.stdout().println("LABEL " + i);
                inv.stdout().println("--------------------------------------------");
                inv.stdout().println("failed to unpack label " + i);
            }
            inv.stdout().flush();
            return 1;
        }
        for (int i = 0; i < 4; i++) {
            inv.stdout().println("--------------------------------------------");
            inv.stdout().println("LABEL " + i);
            inv.stdout().println("--------------------------------------------");
            inv.stdout().println("    version: 44");
            inv.stdout().println("    name: '" + pool + "'");
            inv.stdout().println("    state: 1");
        }
        inv.stdout().flush();
        return 0;
    }
}
