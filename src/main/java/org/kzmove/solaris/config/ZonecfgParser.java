package org.kzmove.solaris.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kzmove.solaris.text.Lines;

/**
 * Reads {@code zonecfg -z Z info}, {@code info <resource>} and {@code zonecfg -z Z export} (and the
 * same with {@code -r}, whose text is identical), solaris-formats.md §3. Total: any input gives a
 * {@link ParsedZoneConfig}; lines not understood are kept verbatim, never dropped.
 */
public final class ZonecfgParser {
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]*";
    private static final Pattern INDEXED_HEADER = Pattern.compile("(" + NAME + ") (\\d{1,9}):");
    private static final Pattern BARE_COLON = Pattern.compile("(" + NAME + "):");
    private static final Pattern NAME_VALUE = Pattern.compile("(" + NAME + "): (.*)");
    private static final Pattern NOT_SPECIFIED = Pattern.compile("(" + NAME + ") not specified");
    private static final Pattern SET = Pattern.compile("set (" + NAME + ")=(.*)");
    private static final Pattern ADD = Pattern.compile("add (" + NAME + ")");

    private ZonecfgParser() {
    }

    /**
     * Picks {@link #parseExport} when any line is an export command ({@code create}, {@code add rt},
     * {@code set p=v}; no {@code info} line has that shape), else {@link #parseInfo}. Looking at every
     * line, not the first, lets an export wrapped in other text (as in a {@code zoneadm migrate}
     * error) still be read as one.
     */
    public static ParsedZoneConfig parse(String text) {
        for (String line : Lines.split(text)) {
            String t = line.strip();
            if (t.equals("create") || t.startsWith("create ") || ADD.matcher(t).matches() || SET.matcher(t).matches()) {
                return parseExport(text);
            }
        }
        return parseInfo(text);
    }

    /**
     * {@code info} output. Property lines are indented with a TAB; any leading whitespace is accepted
     * since copies from web pages and terminals turn the TAB into spaces. A bare {@code name:} at the
     * left margin is ambiguous ({@code bootargs:} is an empty global, {@code device:} a resource
     * header): it is a header exactly when indented lines follow it.
     */
    public static ParsedZoneConfig parseInfo(String text) {
        List<String> lines = Lines.split(text);
        String zonename = null;
        List<ConfigProperty> globals = new ArrayList<>();
        List<ConfigResource> resources = new ArrayList<>();
        List<String> unrecognized = new ArrayList<>();
        ResourceBuilder current = null;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = Lines.stripTrailing(raw);
            if (line.isEmpty()) {
                continue;
            }
            if (!isPrintable(line)) {
                unrecognized.add(raw);
                continue;
            }
            if (isIndented(line)) {
                ConfigProperty p = current == null ? null : indentedProperty(line.strip());
                if (p == null) {
                    unrecognized.add(raw);
                } else {
                    current.properties.add(p);
                }
                continue;
            }
            Matcher m;
            if ((m = INDEXED_HEADER.matcher(line)).matches()) {
                current = startResource(resources, current, m.group(1), Integer.parseInt(m.group(2)));
            } else if ((m = BARE_COLON.matcher(line)).matches()) {
                if (nextContentLineIsIndented(lines, i + 1)) {
                    current = startResource(resources, current, m.group(1), null);
                } else {
                    current = finish(resources, current);
                    if ("zonename".equals(m.group(1))) {
                        zonename = "";
                    } else {
                        globals.add(ConfigProperty.of(m.group(1), ""));
                    }
                }
            } else if ((m = NAME_VALUE.matcher(line)).matches()) {
                current = finish(resources, current);
                if ("zonename".equals(m.group(1))) {
                    zonename = unquote(m.group(2));
                } else {
                    globals.add(ConfigProperty.of(m.group(1), unquote(m.group(2))));
                }
            } else if ((m = NOT_SPECIFIED.matcher(line)).matches()) {
                current = finish(resources, current);
                globals.add(ConfigProperty.notSpecified(m.group(1)));
            } else {
                unrecognized.add(raw);
            }
        }
        finish(resources, current);
        return new ParsedZoneConfig(new ZoneConfig(zonename, globals, resources), unrecognized, true);
    }

    /**
     * {@code export} output: {@code create -b}, {@code set p=v}, {@code add rt} ... {@code end}.
     * Leading indentation is ignored (Oracle's puppet fixture indents blocks). A {@code set} outside a
     * block is a global property; {@code set zonename=} fills the zone name. Any {@code create} line is
     * accepted; {@link ZonecfgFormat#export} always writes {@code create -b}.
     */
    public static ParsedZoneConfig parseExport(String text) {
        String zonename = null;
        List<ConfigProperty> globals = new ArrayList<>();
        List<ConfigResource> resources = new ArrayList<>();
        List<String> unrecognized = new ArrayList<>();
        ResourceBuilder current = null;
        for (String raw : Lines.split(text)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if (!isPrintable(line)) {
                unrecognized.add(raw);
            } else if (line.equals("create") || line.startsWith("create ")) {
                continue;
            } else if ((m = SET.matcher(line)).matches()) {
                String value = unquote(m.group(2));
                if (current != null) {
                    current.properties.add(ConfigProperty.of(m.group(1), value));
                } else if ("zonename".equals(m.group(1))) {
                    zonename = value;
                } else {
                    globals.add(ConfigProperty.of(m.group(1), value));
                }
            } else if ((m = ADD.matcher(line)).matches()) {
                current = startResource(resources, current, m.group(1), null);
            } else if (line.equals("end") && current != null) {
                current = finish(resources, current);
            } else {
                unrecognized.add(raw);
            }
        }
        boolean complete = current == null;
        finish(resources, current);
        return new ParsedZoneConfig(new ZoneConfig(zonename, globals, resources), unrecognized, complete);
    }

    private static ConfigProperty indentedProperty(String content) {
        Matcher m;
        if ((m = NOT_SPECIFIED.matcher(content)).matches()) {
            return ConfigProperty.notSpecified(m.group(1));
        }
        if ((m = NAME_VALUE.matcher(content)).matches()) {
            return ConfigProperty.of(m.group(1), unquote(m.group(2)));
        }
        if ((m = BARE_COLON.matcher(content)).matches()) {
            return ConfigProperty.of(m.group(1), "");
        }
        return null;
    }

    /** zonecfg's quoteit() wraps a value holding a space in double quotes and escapes nothing inside. */
    static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static boolean isIndented(String line) {
        return line.charAt(0) == '\t' || line.charAt(0) == ' ';
    }

    private static boolean nextContentLineIsIndented(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String line = Lines.stripTrailing(lines.get(i));
            if (!line.isEmpty()) {
                return isIndented(line);
            }
        }
        return false;
    }

    private static boolean isPrintable(String s) {
        return s.chars().noneMatch(c -> (Character.isISOControl(c) && c != '\t') || c == 0xFFFD);
    }

    private static ResourceBuilder startResource(List<ConfigResource> resources, ResourceBuilder open, String type,
            Integer index) {
        finish(resources, open);
        return new ResourceBuilder(type, index);
    }

    private static ResourceBuilder finish(List<ConfigResource> resources, ResourceBuilder open) {
        if (open != null) {
            resources.add(new ConfigResource(open.type, open.index, open.properties));
        }
        return null;
    }

    private static final class ResourceBuilder {
        final String type;
        final Integer index;
        final List<ConfigProperty> properties = new ArrayList<>();

        ResourceBuilder(String type, Integer index) {
            this.type = type;
            this.index = index;
        }
    }
}
