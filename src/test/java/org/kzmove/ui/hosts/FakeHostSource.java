package org.kzmove.ui.hosts;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;

import org.kzmove.console.ConsoleHost;
import org.kzmove.inventory.FreeStorage;
import org.kzmove.inventory.HostInventory;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.precheck.PrecheckReport;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.Privilege;
import org.kzmove.inventory.ZoneInventory;
import org.kzmove.solaris.config.ZonecfgParser;
import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.PoolUsage;
import org.kzmove.solaris.pool.ScanStatus;
import org.kzmove.solaris.pool.Vdev;
import org.kzmove.solaris.pool.VdevState;
import org.kzmove.solaris.zone.Brand;
import org.kzmove.solaris.zone.SolarisRelease;
import org.kzmove.solaris.zone.Zone;
import org.kzmove.solaris.zone.ZoneState;

/** A host whose loads answer from a script of results, counted; no SSH. Moves are not supported. */
public final class FakeHostSource implements ConsoleHost {
    private final String name;
    private final Deque<Callable<HostInventory>> answers = new ArrayDeque<>();
    private int loads;
    private final List<HostInventory> freeStorageKnown = new java.util.ArrayList<>();
    private boolean closed;
    private boolean demo;

    public FakeHostSource(String name) {
        this.name = name;
    }

    public FakeHostSource answers(HostInventory inventory) {
        answers.add(() -> inventory);
        return this;
    }

    public FakeHostSource fails(Exception e) {
        answers.add(() -> {
            throw e;
        });
        return this;
    }

    /** Marks this host as the Demo host (which cannot be removed). */
    public FakeHostSource asDemo() {
        demo = true;
        return this;
    }

    @Override
    public boolean isDemo() {
        return demo;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String address() {
        return "kzadmin@" + name.toLowerCase().replace(' ', '-') + ":22";
    }

    @Override
    public Privilege privilege() {
        return Privilege.PFEXEC;
    }

    @Override
    public HostInventory load() throws RemoteException, IOException {
        loads++;
        try {
            return answers.poll().call();
        } catch (RemoteException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public List<FreeStorage> freeStorage(HostInventory known) {
        freeStorageKnown.add(known);
        return List.of();
    }

    @Override
    public PrecheckReport precheck(MoveRequest request) {
        throw new IllegalStateException("FakeHostSource runs no pre-checks");
    }

    @Override
    public MoveJob startMove(MoveRequest request, MoveListener listener) {
        throw new IllegalStateException("FakeHostSource runs no moves");
    }

    @Override
    public List<MoveJob> reattach(MoveListener listener) {
        return List.of();
    }

    @Override
    public List<JobRecord> jobHistory() {
        return List.of();
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean closed() {
        return closed;
    }

    /** The inventories free storage was asked with, in order (null: "read it now"). */
    public List<HostInventory> freeStorageKnown() {
        return freeStorageKnown;
    }

    public int loads() {
        return loads;
    }

    /** A Solaris 11.4 SRU 48 host with web01 (running, two disks, healthy 16G root pool) and db01 (installed). */
    public static HostInventory twoZones() {
        String export = """
                create -b
                set brand=solaris-kz
                add device
                set storage=dev:/dev/zvol/dsk/rpool/VARSHARE/zones/web01/disk0
                set bootpri=0
                set id=0
                end
                add device
                set storage=dev:/dev/zvol/dsk/rpool/VARSHARE/zones/web01/disk1
                set id=1
                end
                """;
        ZoneInventory web01 = new ZoneInventory(
                new Zone(3, "web01", ZoneState.RUNNING, "/system/zones/web01", "u1", Brand.SOLARIS_KZ, "excl"),
                ZonecfgParser.parse(export).config(), ZonecfgParser.parse(export).config(),
                Pool.healthy("rpool", ScanStatus.none(), Vdev.online("rpool", Vdev.online("c1d0"))),
                PoolUsage.of("rpool", 16L << 30, 4L << 30, VdevState.ONLINE), List.of());
        ZoneInventory db01 = new ZoneInventory(
                new Zone(null, "db01", ZoneState.INSTALLED, "/system/zones/db01", "u2", Brand.SOLARIS_KZ, "excl"),
                null, null, null, null, List.of("zonecfg export failed: permission denied"));
        return new HostInventory("h", SolarisRelease.parse("11.4.48.126.2").orElseThrow(), "11.4.48.126.2",
                List.of(db01, web01), List.of(), 2);
    }
}
