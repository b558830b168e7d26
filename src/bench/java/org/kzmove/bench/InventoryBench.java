package org.kzmove.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.kzmove.inventory.HostInventory;
import org.kzmove.inventory.InventoryService;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.testsupport.LiveHost;

/**
 * How long kzmove's inventory of a host takes with 10, 100 and 500 kernel zones: the real
 * {@link InventoryService} over sshj against a generated simulated host on 127.0.0.1 (time scale 1,
 * so the simulated commands take the time the simulator gives them). Prints, per size, the SSH
 * round trips, the median and min/max of timed runs after one warm-up, and the zones read.
 *
 * <p>Arguments: runs per size (default 5), then sizes (default 10 100 500).
 */
public final class InventoryBench {
    private InventoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10, 100, 500);
        }
        Path dir = Files.createTempDirectory("kzmove-inventory-bench");
        System.out.printf("%6s %11s %10s %10s %10s %14s%n", "zones", "round trips", "median s", "min s", "max s",
                "zones read");
        for (int zones : sizes) {
            try (LiveHost host = LiveHost.generated(dir.resolve("h" + zones), zones);
                 SshConnection c = host.connect("kzadmin")) {
                InventoryService service = new InventoryService(Privilege.PFEXEC);
                HostInventory warm = service.load("bench", LiveHost.shell(c));
                List<Double> seconds = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    service.load("bench", LiveHost.shell(c));
                    seconds.add((System.nanoTime() - t0) / 1e9);
                }
                Collections.sort(seconds);
                System.out.printf("%6d %11d %10.3f %10.3f %10.3f %14d%n", zones, warm.roundTrips(),
                        seconds.get(seconds.size() / 2), seconds.get(0), seconds.get(seconds.size() - 1),
                        warm.zones().size());
            }
        }
    }
}
