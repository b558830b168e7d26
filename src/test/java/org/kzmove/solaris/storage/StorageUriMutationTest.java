package org.kzmove.solaris.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Damages valid URIs at random (seeded, so a failure reproduces) and checks the parser's promises
 * hold for whatever comes out: refused with a clean message, or accepted with a normal form that
 * is itself valid, stable and names the same storage. No other exception may escape.
 */
class StorageUriMutationTest {

    private static final String[] VALID = {
        "dev:dsk/c0t0d0s0", "dev:///dev/dsk/c0t0d0s0", "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk1",
        "lu:luname.naa.5000c5000288fa25", "lu:luname.eui.0021280001cf80f6",
        "lu:initiator.naa.2100001d38089fb0,target.naa.2100001d38089fb0,luname.naa.5000c5000288fa25",
        "iscsi://[::1]/luname.naa.600144f03d70c80000004ea57da10001",
        "iscsi://127.0.0.1:3260/luname.naa.600144f03d70c80000004ea57da10001",
        "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E490003",
        "iscsi://[::1]/target.iqn.com.sun:02:d0f2d311-f703,lun.2", "iscsi:///luname.eui.0021280001cf80f6",
        "nfs://admin:staff@host:1000/export/test/nfs_file", "nfs://101:10@[2001:db8::1]/export/f",
        "file:///export/kz/disk0.img", "file://root:root@/export/kz/disk0.img",
    };
    private static final String ALPHABET = "abcdefnsuxAFZ0123469._-/:,@[]%;$ \n\u00e9";
    private static final Pattern SAFE_DEVICE = Pattern.compile("/dev/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    @Test
    void damagedUrisAreRefusedCleanlyOrAcceptedConsistently() throws InvalidStorageUriException {
        Random random = new Random(20260126L);
        int accepted = 0;
        for (int i = 0; i < 30_000; i++) {
            String text = mutate(VALID[random.nextInt(VALID.length)], random);
            StorageUri uri;
            try {
                uri = StorageUris.parse(text);
            } catch (InvalidStorageUriException e) {
                assertThat(e.value()).isEqualTo(text);
                assertThat(e.part()).isNotNull();
                assertThat(e.getMessage().chars()).as(e.getMessage()).allMatch(c -> c >= 0x20 && c < 0x7f);
                continue;
            }
            accepted++;
            assertThat(text.chars()).as(text).allMatch(SuriSyntax::isUriCharacter);
            StorageUri normal = StorageUris.parse(uri.normalized());
            assertThat(normal.normalized()).as(text).isEqualTo(uri.normalized());
            assertThat(normal.sameStorage(uri)).as(text).isTrue();
            assertThat(normal.type()).isEqualTo(uri.type());
            assertThat(normal.mappedDevice()).as(text).isEqualTo(uri.mappedDevice());
            uri.mappedDevice().ifPresent(device -> assertThat(device).as(text).matches(SAFE_DEVICE)
                    .doesNotContain("/../").doesNotContain("/./"));
            assertThat(uri.properties()).as(text).containsEntry("uri-type", uri.type().word())
                    .allSatisfy((key, value) -> assertThat(value).isNotEmpty());
        }
        assertThat(accepted).as("the mutations also produce valid URIs, so both branches are exercised")
                .isGreaterThan(1000);
    }

    private static String mutate(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(sb.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> sb.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> {
                    if (at < sb.length()) {
                        sb.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (at < sb.length()) {
                        sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
                default -> {
                    // Case flips matter: several parts are case-insensitive, others are not.
                    if (at < sb.length()) {
                        char c = sb.charAt(at);
                        sb.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                    }
                }
            }
        }
        return sb.toString();
    }
}
