package org.kzmove.solaris.storage;

import java.util.Locale;
import java.util.Optional;

/** The kinds of storage URI of suri(7), named by the word {@code suriadm parse} prints as {@code uri-type}. */
public enum UriType {
    DEV("dev", "dev:"),
    LU("lu", "lu:"),
    ISCSI("iscsi", "iscsi://"),
    NFS("nfs", "nfs://"),
    FILE("file", "file://");

    private final String word;
    private final String prefix;

    UriType(String word, String prefix) {
        this.word = word;
        this.prefix = prefix;
    }

    /** The {@code uri-type} word, also the URI scheme: {@code dev}, {@code lu}, {@code iscsi}, {@code nfs}, {@code file}. */
    public String word() {
        return word;
    }

    /** How a URI of this type starts in its normal form, e.g. {@code iscsi://}. */
    public String prefix() {
        return prefix;
    }

    /** The type whose scheme is {@code scheme}; schemes are case-insensitive as in RFC 3986. */
    public static Optional<UriType> ofScheme(String scheme) {
        String lower = scheme.toLowerCase(Locale.ROOT);
        for (UriType type : values()) {
            if (type.word.equals(lower)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
