package org.kzmove.solaris.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A zonecfg resource ({@code device}, {@code anet}, {@code capped-memory}, ...) with its properties in
 * the order zonecfg printed them.
 *
 * @param index the number in an indexed header such as {@code fs 0:} (Solaris 11.4 prints these for
 *              some resources, solaris-formats.md §3.1); null for a plain {@code device:} header
 */
public record ConfigResource(String type, Integer index, List<ConfigProperty> properties) {

    public ConfigResource {
        Objects.requireNonNull(type, "type");
        properties = List.copyOf(properties);
    }

    public static ConfigResource of(String type, ConfigProperty... properties) {
        return new ConfigResource(type, null, List.of(properties));
    }

    /** The property, if the resource lists it (specified or not). */
    public Optional<ConfigProperty> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The value of a specified property; empty when absent or "not specified". */
    public Optional<String> value(String name) {
        return property(name).map(ConfigProperty::value);
    }

    /** A copy with the property set (replaced in place, or appended when absent). */
    public ConfigResource with(String name, String value) {
        List<ConfigProperty> copy = new ArrayList<>(properties);
        ConfigProperty p = new ConfigProperty(name, value);
        boolean replaced = false;
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).name().equals(name)) {
                copy.set(i, p);
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            copy.add(p);
        }
        return new ConfigResource(type, index, copy);
    }
}
