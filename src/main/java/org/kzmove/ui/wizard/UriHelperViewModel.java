package org.kzmove.ui.wizard;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.kzmove.solaris.storage.InvalidStorageUriException;
import org.kzmove.solaris.storage.StorageUris;

/**
 * Builds a storage URI from its parts, one form per storage type, so an administrator need not
 * remember suri(7)'s grammar. The result is checked by the same parser as a typed URI.
 */
public final class UriHelperViewModel {

    /** One input of a helper form. */
    public enum Field {
        POOL("ZFS pool", "rpool"),
        VOLUME("Volume path", "VARSHARE/zones/web01/disk2"),
        HOST("Host", "zfssa02"),
        PORT("Port (optional)", "3260"),
        LUNAME("LUN name", "naa.600144F0…"),
        TARGET("Target IQN", "iqn.1986-03.com.sun:02:…"),
        LUN("LUN number", "0"),
        INITIATOR("Initiator port", "naa.…"),
        TARGET_PORT("Target port", "naa.…"),
        USER("User", "root"),
        GROUP("Group", "root"),
        PATH("File path", "/export/kz/disk0.img");

        private final String label;
        private final String example;

        Field(String label, String example) {
            this.label = label;
            this.example = example;
        }

        public String label() {
            return label;
        }

        public String example() {
            return example;
        }
    }

    /** The storage types the helper knows, each with the fields its form asks for. */
    public enum Kind {
        ZFS_VOLUME("ZFS volume (dev:)", List.of(Field.POOL, Field.VOLUME)),
        ISCSI_LUNAME("iSCSI by LUN name", List.of(Field.HOST, Field.PORT, Field.LUNAME)),
        ISCSI_TARGET("iSCSI by target and LUN", List.of(Field.HOST, Field.PORT, Field.TARGET, Field.LUN)),
        LU("Logical unit (lu:)", List.of(Field.LUNAME)),
        LU_PATH("Logical unit on a fixed path (lu:)", List.of(Field.INITIATOR, Field.TARGET_PORT, Field.LUNAME)),
        NFS("File over NFS (nfs:)", List.of(Field.USER, Field.GROUP, Field.HOST, Field.PORT, Field.PATH)),
        FILE("Local file (file:)", List.of(Field.USER, Field.GROUP, Field.PATH));

        private final String label;
        private final List<Field> fields;

        Kind(String label, List<Field> fields) {
            this.label = label;
            this.fields = fields;
        }

        public List<Field> fields() {
            return fields;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.ISCSI_LUNAME);
    private final Map<Field, StringProperty> values = new EnumMap<>(Field.class);
    private final StringBinding uri;
    private final StringBinding error;

    public UriHelperViewModel() {
        Observable[] dependencies = new Observable[Field.values().length + 1];
        dependencies[0] = kind;
        for (Field f : Field.values()) {
            StringProperty p = new SimpleStringProperty("");
            values.put(f, p);
            dependencies[f.ordinal() + 1] = p;
        }
        uri = Bindings.createStringBinding(this::compose, dependencies);
        error = Bindings.createStringBinding(this::check, dependencies);
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty field(Field field) {
        return values.get(field);
    }

    /** The URI the form's parts make (possibly invalid: see {@link #errorBinding()}). */
    public StringBinding uriBinding() {
        return uri;
    }

    /** Why the built URI cannot be used, or empty when it can. */
    public StringBinding errorBinding() {
        return error;
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }

    private String value(Field f) {
        return values.get(f).get() == null ? "" : values.get(f).get().strip();
    }

    private String check() {
        for (Field f : kind.get().fields()) {
            if (value(f).isEmpty() && required(kind.get(), f)) {
                return "Fill in the " + f.label().toLowerCase(Locale.ROOT) + ".";
            }
        }
        if (kind.get().fields().contains(Field.USER) && value(Field.USER).isEmpty() != value(Field.GROUP).isEmpty()) {
            return "Give both a user and a group, or neither.";
        }
        try {
            StorageUris.parse(compose());
            return "";
        } catch (InvalidStorageUriException e) {
            return e.reason();
        }
    }

    private static boolean required(Kind kind, Field f) {
        return switch (f) {
            case PORT -> false;
            // iSCSI may leave discovery to the host's static configuration; files may omit user:group.
            case HOST -> kind == Kind.NFS;
            case USER, GROUP -> kind == Kind.NFS;
            default -> true;
        };
    }

    private String compose() {
        return switch (kind.get()) {
            case ZFS_VOLUME -> "dev:/dev/zvol/dsk/" + trimSlashes(value(Field.POOL)) + "/" + trimSlashes(value(Field.VOLUME));
            case ISCSI_LUNAME -> "iscsi://" + authority() + "/luname." + designator(value(Field.LUNAME));
            case ISCSI_TARGET -> "iscsi://" + authority() + "/target." + stripPrefix(value(Field.TARGET), "target.")
                    + ",lun." + value(Field.LUN);
            case LU -> "lu:luname." + designator(value(Field.LUNAME));
            case LU_PATH -> "lu:initiator." + designator(stripPrefix(value(Field.INITIATOR), "initiator."))
                    + ",target." + designator(stripPrefix(value(Field.TARGET_PORT), "target."))
                    + ",luname." + designator(value(Field.LUNAME));
            case NFS -> "nfs://" + value(Field.USER) + ":" + value(Field.GROUP) + "@" + authority() + "/"
                    + trimSlashes(value(Field.PATH));
            case FILE -> "file://" + (value(Field.USER).isEmpty() ? "" : value(Field.USER) + ":" + value(Field.GROUP) + "@")
                    + "/" + trimSlashes(value(Field.PATH));
        };
    }

    private String authority() {
        String host = value(Field.HOST);
        // An IPv6 address goes in brackets, as in any URI.
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        String port = value(Field.PORT);
        return port.isEmpty() ? host : host + ":" + port;
    }

    /** A LUN name as written, or a bare hex ID taken as an NAA name ({@code naa.<ID>}). */
    private static String designator(String text) {
        String t = stripPrefix(text, "luname.");
        String lower = t.toLowerCase(Locale.ROOT);
        return lower.startsWith("naa.") || lower.startsWith("eui.") || t.isEmpty() ? t : "naa." + t;
    }

    private static String stripPrefix(String text, String prefix) {
        return text.toLowerCase(Locale.ROOT).startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static String trimSlashes(String text) {
        return text.replaceAll("^/+", "").replaceAll("/+$", "");
    }
}
