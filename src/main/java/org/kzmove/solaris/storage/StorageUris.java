package org.kzmove.solaris.storage;

/**
 * Parses storage URIs (suri(7)). Strict on purpose: a URI that parses is one Solaris documents and
 * one that is safe to put in a remote command; anything else is refused with the part that is
 * wrong and why.
 */
public final class StorageUris {
    /** Longest URI accepted; far above any real one, low enough to keep remote command lines short. */
    public static final int MAX_LENGTH = SuriSyntax.MAX_LENGTH;

    private StorageUris() {
    }

    public static StorageUri parse(String text) throws InvalidStorageUriException {
        // Each type's parser checks the whole text again; parsing here first keeps the checked exception.
        return switch (SuriSyntax.checkTextAndScheme(text)) {
            case DEV -> {
                DevUri.relativePath(text);
                yield new DevUri(text);
            }
            case LU -> {
                LuUri.parts(text);
                yield new LuUri(text);
            }
            case ISCSI -> {
                IscsiUri.parts(text);
                yield new IscsiUri(text);
            }
            case NFS -> {
                NfsUri.parts(text);
                yield new NfsUri(text);
            }
            case FILE -> {
                FileUri.parts(text);
                yield new FileUri(text);
            }
        };
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidStorageUriException e) {
            return false;
        }
    }
}
