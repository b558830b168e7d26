package org.kzmove.solaris.zone;

import java.util.Objects;

/**
 * A zone brand as zoneadm prints it. Kept open (a record, not an enum) because sites run brands
 * kzmove does not know about; only {@code solaris-kz} zones can have their storage moved live.
 */
public record Brand(String name) {
    public static final Brand SOLARIS = new Brand("solaris");
    public static final Brand SOLARIS10 = new Brand("solaris10");
    public static final Brand SOLARIS_KZ = new Brand("solaris-kz");
    public static final Brand LABELED = new Brand("labeled");

    public Brand {
        Objects.requireNonNull(name, "name");
    }

    public boolean isKernelZone() {
        return SOLARIS_KZ.name.equals(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
