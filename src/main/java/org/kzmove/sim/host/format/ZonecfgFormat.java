package org.kzmove.sim.host.format;

import java.util.List;

import org.kzmove.solaris.zone.KzDevice;

/**
 * {@code zonecfg info} and {@code export} of a solaris-kz zone (solaris-formats.md §3): TAB
 * indents in {@code info}, {@code create -b} / {@code set} / {@code add} ... {@code end} in
 * {@code export}. The anet block is the SYSsolaris-kz template's, abbreviated (a simplification).
 */
public final class ZonecfgFormat {

    /** The configuration to print. */
    public record Config(String name, String brand, boolean autoboot, String hostid, String memory, int vcpus,
                         List<KzDevice> devices) {
    }

    private ZonecfgFormat() {
    }

    public static String info(Config c) {
        StringBuilder sb = new StringBuilder();
        sb.append("zonename: ").append(c.name()).append('\n');
        sb.append("brand: ").append(c.brand()).append('\n');
        sb.append("autoboot: ").append(c.autoboot()).append('\n');
        sb.append("autoshutdown: shutdown\n");
        sb.append("bootargs:\n");
        sb.append("pool:\n");
        sb.append("scheduling-class:\n");
        sb.append("hostid: ").append(c.hostid() == null ? "" : c.hostid()).append('\n');
        sb.append("tenant:\n");
        sb.append("anet:\n");
        sb.append("\tlower-link: auto\n");
        sb.append("\tallowed-address not specified\n");
        sb.append("\tconfigure-allowed-address: true\n");
        sb.append("\tdefrouter not specified\n");
        sb.append("\tlink-protection: mac-nospoof\n");
        sb.append("\tmac-address: auto\n");
        sb.append("\tid: 0\n");
        sb.append(infoDevices(c.devices()));
        sb.append("capped-memory:\n");
        sb.append("\tphysical: ").append(c.memory()).append('\n');
        sb.append("virtual-cpu:\n");
        sb.append("\tncpus: ").append(c.vcpus()).append('\n');
        sb.append("suspend:\n");
        sb.append("\tpath: /system/zones/").append(c.name()).append("/suspend\n");
        sb.append("\tstorage not specified\n");
        return sb.toString();
    }

    /** {@code info device}: the device blocks only. */
    public static String infoDevices(List<KzDevice> devices) {
        StringBuilder sb = new StringBuilder();
        for (KzDevice d : devices) {
            sb.append("device:\n");
            sb.append("\tmatch not specified\n");
            sb.append("\tstorage: ").append(quote(d.storage())).append('\n');
            sb.append("\tid: ").append(d.id()).append('\n');
            if (d.bootPriority() == null) {
                sb.append("\tbootpri not specified\n");
            } else {
                sb.append("\tbootpri: ").append(d.bootPriority()).append('\n');
            }
        }
        return sb.toString();
    }

    public static String export(Config c) {
        StringBuilder sb = new StringBuilder();
        sb.append("create -b\n");
        sb.append("set brand=").append(c.brand()).append('\n');
        sb.append("set autoboot=").append(c.autoboot()).append('\n');
        sb.append("set autoshutdown=shutdown\n");
        if (c.hostid() != null && !c.hostid().isEmpty()) {
            sb.append("set hostid=").append(c.hostid()).append('\n');
        }
        sb.append("add anet\n");
        sb.append("set lower-link=auto\n");
        sb.append("set configure-allowed-address=true\n");
        sb.append("set link-protection=mac-nospoof\n");
        sb.append("set mac-address=auto\n");
        sb.append("set id=0\n");
        sb.append("end\n");
        for (KzDevice d : c.devices()) {
            sb.append("add device\n");
            sb.append("set storage=").append(quote(d.storage())).append('\n');
            if (d.bootPriority() != null) {
                sb.append("set bootpri=").append(d.bootPriority()).append('\n');
            }
            sb.append("set id=").append(d.id()).append('\n');
            sb.append("end\n");
        }
        sb.append("add capped-memory\n");
        sb.append("set physical=").append(c.memory()).append('\n');
        sb.append("end\n");
        sb.append("add virtual-cpu\n");
        sb.append("set ncpus=").append(c.vcpus()).append('\n');
        sb.append("end\n");
        sb.append("add suspend\n");
        sb.append("set path=/system/zones/").append(c.name()).append("/suspend\n");
        sb.append("end\n");
        return sb.toString();
    }

    /** zonecfg's quoteit(): values with a space are double-quoted. */
    private static String quote(String v) {
        return v.indexOf(' ') >= 0 ? '"' + v + '"' : v;
    }
}
