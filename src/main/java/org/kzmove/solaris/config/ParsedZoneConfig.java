package org.kzmove.solaris.config;

import java.util.List;

/**
 * What {@link ZonecfgParser} made of a text: the configuration and the lines it could not read.
 *
 * @param complete false when an {@code export} ended inside an {@code add ... end} block (output cut
 *                 off): the last resource is in the config but may miss properties
 */
public record ParsedZoneConfig(ZoneConfig config, List<String> unrecognizedLines, boolean complete) {

    public ParsedZoneConfig {
        unrecognizedLines = List.copyOf(unrecognizedLines);
    }

    public int unrecognizedCount() {
        return unrecognizedLines.size();
    }

    public boolean isClean() {
        return unrecognizedLines.isEmpty();
    }
}
