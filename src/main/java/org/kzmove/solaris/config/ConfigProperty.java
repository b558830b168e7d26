package org.kzmove.solaris.config;

import java.util.Objects;

/**
 * One zonecfg property. {@code value == null} is zonecfg's "not specified" ({@code match not
 * specified}), which is not the same as an empty value ({@code bootargs:}): the first is an unset
 * property, the second a property set to nothing.
 *
 * @param value the value without the double quotes zonecfg adds around values holding a space;
 *              {@code %{...}} template tokens are kept verbatim
 */
public record ConfigProperty(String name, String value) {

    public ConfigProperty {
        Objects.requireNonNull(name, "name");
    }

    public static ConfigProperty of(String name, String value) {
        return new ConfigProperty(name, value);
    }

    public static ConfigProperty notSpecified(String name) {
        return new ConfigProperty(name, null);
    }

    public boolean isSpecified() {
        return value != null;
    }
}
