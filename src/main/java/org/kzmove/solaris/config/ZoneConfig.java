package org.kzmove.solaris.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.kzmove.solaris.zone.Brand;
import org.kzmove.solaris.zone.KzDevice;

/**
 * A zone configuration as {@code zonecfg info} or {@code zonecfg export} shows it (the persistent
 * one, or the live one with {@code -r}: the text is the same).
 *
 * @param zonename  from the {@code zonename:} line of {@code info}; null when the text did not say
 *                  (an {@code export}, an {@code info device})
 * @param globals   the global properties other than the zone name, in printed order
 * @param resources the resources in printed order
 */
public record ZoneConfig(String zonename, List<ConfigProperty> globals, List<ConfigResource> resources) {

    public ZoneConfig {
        globals = List.copyOf(globals);
        resources = List.copyOf(resources);
    }

    public Optional<ConfigProperty> global(String name) {
        return globals.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The value of a specified global property; empty when absent or "not specified". */
    public Optional<String> globalValue(String name) {
        return global(name).map(ConfigProperty::value);
    }

    public Optional<Brand> brand() {
        return globalValue("brand").filter(b -> !b.isEmpty()).map(Brand::new);
    }

    public List<ConfigResource> resources(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /**
     * The {@code device} resources as kernel-zone devices. A property that is not specified, or whose
     * value is not a number where one is expected, reads as null: the console decides what an
     * incomplete device means, the parser does not.
     */
    public List<KzDevice> devices() {
        return resources("device").stream()
                .map(r -> new KzDevice(integer(r.value("id")), r.value("storage").orElse(null),
                        integer(r.value("bootpri")), r.value("match").orElse(null)))
                .toList();
    }

    /** The {@code id} of a device resource, if it has a numeric one. */
    public static OptionalInt deviceId(ConfigResource device) {
        Integer id = integer(device.value("id"));
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    private static Integer integer(Optional<String> text) {
        if (text.isEmpty()) {
            return null;
        }
        String s = text.get().trim();
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.parseInt(s);
    }
}
