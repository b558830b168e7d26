package org.kzmove.solaris.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** URIs that must be accepted, above all every one quoted in the reference notes, and what they mean. */
class StorageUrisTest {

    /** Every storage URI in solaris-formats.md §1-§7 and kz-live-storage-migration.md, plus each grammar form of §5.1. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            dev:dsk/c0t0d0s0                                     | DEV   | dev:dsk/c0t0d0s0                          | /dev/dsk/c0t0d0s0
            dev:///dev/dsk/c0t0d0s0                              | DEV   | dev:dsk/c0t0d0s0                          | /dev/dsk/c0t0d0s0
            dev:/dev/dsk/c0t0d0s0                                | DEV   | dev:dsk/c0t0d0s0                          | /dev/dsk/c0t0d0s0
            dev:chassis/SYS/HD1/disk                             | DEV   | dev:chassis/SYS/HD1/disk                  | /dev/chassis/SYS/HD1/disk
            dev:/dev/dsk/c4t1d0                                  | DEV   | dev:dsk/c4t1d0                            | /dev/dsk/c4t1d0
            dev:/dev/dsk/c9t0d0                                  | DEV   | dev:dsk/c9t0d0                            | /dev/dsk/c9t0d0
            dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzone1/disk0  | DEV   | dev:zvol/dsk/rpool/VARSHARE/zones/kzone1/disk0 | /dev/zvol/dsk/rpool/VARSHARE/zones/kzone1/disk0
            dev:/dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk1    | DEV   | dev:zvol/dsk/rpool/VARSHARE/zones/mykz/disk1   | /dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk1
            dev:/dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk2    | DEV   | dev:zvol/dsk/rpool/VARSHARE/zones/mykz/disk2   | /dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk2
            lu:luname.naa.5000c5000288fa25                       | LU    | lu:luname.naa.5000c5000288fa25            | /dev/dsk/c0t5000C5000288FA25d0
            lu:initiator.naa.2100001d38089fb0,target.naa.2100001d38089fb0,luname.naa.5000c5000288fa25 | LU | lu:initiator.naa.2100001d38089fb0,target.naa.2100001d38089fb0,luname.naa.5000c5000288fa25 | /dev/dsk/c0t5000C5000288FA25d0
            lu:initiator.naa.2100001d38089fb0,target.naa.2100001d38089fb0,luname.eui.0021280001cf80f6 | LU | lu:initiator.naa.2100001d38089fb0,target.naa.2100001d38089fb0,luname.eui.0021280001cf80f6 | /dev/dsk/c0t0021280001CF80F6d0
            lu:luname.eui.0021280001CF80F6                       | LU    | lu:luname.eui.0021280001cf80f6            | /dev/dsk/c0t0021280001CF80F6d0
            lu:luname.naa.600144F0DBF8AF1900005FD25E490003       | LU    | lu:luname.naa.600144f0dbf8af1900005fd25e490003 | /dev/dsk/c0t600144F0DBF8AF1900005FD25E490003d0
            iscsi://[::1]/luname.naa.600144f03d70c80000004ea57da10001 | ISCSI | iscsi://[::1]/luname.naa.600144f03d70c80000004ea57da10001 | /dev/dsk/c0t600144F03D70C80000004EA57DA10001d0
            iscsi://127.0.0.1:3260/luname.naa.600144f03d70c80000004ea57da10001 | ISCSI | iscsi://127.0.0.1/luname.naa.600144f03d70c80000004ea57da10001 | /dev/dsk/c0t600144F03D70C80000004EA57DA10001d0
            iscsi://hostname:3260/luname.eui.0021280001cf80f6    | ISCSI | iscsi://hostname/luname.eui.0021280001cf80f6 | /dev/dsk/c0t0021280001CF80F6d0
            iscsi://[::1]/target.iqn.com.sun:02:d0f2d311-f703,lun.2 | ISCSI | iscsi://[::1]/target.iqn.com.sun:02:d0f2d311-f703,lun.2 |
            iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E490003 | ISCSI | iscsi://mystorage/luname.naa.600144f0dbf8af1900005fd25e490003 | /dev/dsk/c0t600144F0DBF8AF1900005FD25E490003d0
            iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25DFC0002 | ISCSI | iscsi://mystorage/luname.naa.600144f0dbf8af1900005fd25dfc0002 | /dev/dsk/c0t600144F0DBF8AF1900005FD25DFC0002d0
            iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E590004 | ISCSI | iscsi://mystorage/luname.naa.600144f0dbf8af1900005fd25e590004 | /dev/dsk/c0t600144F0DBF8AF1900005FD25E590004d0
            iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006 | ISCSI | iscsi://mystorage/luname.naa.600144f0dbf8af1900005fd25f0e0006 | /dev/dsk/c0t600144F0DBF8AF1900005FD25F0E0006d0
            iscsi://target/luname.naa.600144F035FF8500000050C884E50001 | ISCSI | iscsi://target/luname.naa.600144f035ff8500000050c884e50001 | /dev/dsk/c0t600144F035FF8500000050C884E50001d0
            iscsi://target/luname.naa.600144f035ff8500000050c884e50001 | ISCSI | iscsi://target/luname.naa.600144f035ff8500000050c884e50001 | /dev/dsk/c0t600144F035FF8500000050C884E50001d0
            iscsi://zfssa/luname.naa.600144F0DBF8AF19000052E820D60003 | ISCSI | iscsi://zfssa/luname.naa.600144f0dbf8af19000052e820d60003 | /dev/dsk/c0t600144F0DBF8AF19000052E820D60003d0
            iscsi:///luname.naa.600144f03d70c80000004ea57da10001 | ISCSI | iscsi:///luname.naa.600144f03d70c80000004ea57da10001 | /dev/dsk/c0t600144F03D70C80000004EA57DA10001d0
            iscsi:///luname.eui.0021280001cf80f6                 | ISCSI | iscsi:///luname.eui.0021280001cf80f6      | /dev/dsk/c0t0021280001CF80F6d0
            iscsi:///target.iqn.1986-03.com.sun:02:abc,lun.0     | ISCSI | iscsi:///target.iqn.1986-03.com.sun:02:abc,lun.0 |
            iscsi://Storage.Example.COM:3261/target.IQN.1986-03.com.sun:02:ABC,lun.16383 | ISCSI | iscsi://storage.example.com:3261/target.iqn.1986-03.com.sun:02:abc,lun.16383 |
            iscsi://[FE80::1:2]:3260/LUNAME.NAA.5000C5000288FA25 | ISCSI | iscsi://[fe80::1:2]/luname.naa.5000c5000288fa25 | /dev/dsk/c0t5000C5000288FA25d0
            nfs://admin:staff@host/export/test/nfs_file          | NFS   | nfs://admin:staff@host/export/test/nfs_file      |
            nfs://admin:staff@host:1000/export/test/nfs_file     | NFS   | nfs://admin:staff@host:1000/export/test/nfs_file |
            nfs://101:10@NAS.example.com/export/kz/Disk_1.img    | NFS   | nfs://101:10@nas.example.com/export/kz/Disk_1.img |
            file:///export/kz/disk0.img                          | FILE  | file:///export/kz/disk0.img               |
            file://root:root@/export/kz/disk0.img                | FILE  | file://root:root@/export/kz/disk0.img     |
            FILE:///export/kz/Disk0.img                          | FILE  | file:///export/kz/Disk0.img               |
            """)
    void acceptsDocumentedUrisWithTheirNormalFormAndDevice(String text, UriType type, String normalized,
            String mapped) throws InvalidStorageUriException {
        StorageUri uri = StorageUris.parse(text);

        assertThat(uri.type()).isEqualTo(type);
        assertThat(uri.text()).isEqualTo(text);
        assertThat(uri.normalized()).isEqualTo(normalized);
        assertThat(uri.mappedDevice()).isEqualTo(Optional.ofNullable(mapped));
        assertThat(StorageUris.isValid(text)).isTrue();
        assertThat(StorageUris.parse(normalized)).as("the normal form is itself a valid URI").isEqualTo(uri);
        assertThat(StorageUris.parse(normalized).normalized()).as("normalising is idempotent").isEqualTo(normalized);
    }

    @Test
    void lookupUriSampleMapsBothWays() throws InvalidStorageUriException {
        // suriadm parse/lookup-uri transcript of §5.3: same LU, upper case in, lower case out.
        StorageUri uri = StorageUris.parse("iscsi://target/luname.naa.600144F035FF8500000050C884E50001");

        assertThat(uri.normalized()).isEqualTo("iscsi://target/luname.naa.600144f035ff8500000050c884e50001");
        assertThat(uri.mappedDevice()).hasValue("/dev/dsk/c0t600144F035FF8500000050C884E50001d0");
        assertThat(StorageUris.parse("dev:/dev/dsk/c4t1d0").normalized()).isEqualTo("dev:dsk/c4t1d0");
    }

    @Test
    void theThreeDeviceSpellingsAreTheSameStorage() throws InvalidStorageUriException {
        StorageUri relative = StorageUris.parse("dev:dsk/c0t0d0s0");
        StorageUri threeSlashes = StorageUris.parse("dev:///dev/dsk/c0t0d0s0");
        StorageUri absolute = StorageUris.parse("dev:/dev/dsk/c0t0d0s0");

        assertThat(relative).isEqualTo(threeSlashes).isEqualTo(absolute).hasSameHashCodeAs(absolute);
        assertThat(threeSlashes.hashCode()).isEqualTo(relative.hashCode());
        assertThat(relative.sameStorage(threeSlashes)).isTrue();
        assertThat(absolute.sameStorage(relative)).isTrue();
        assertThat(relative.text()).isNotEqualTo(absolute.text());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E490003 | iscsi://MyStorage:3260/luname.naa.600144f0dbf8af1900005fd25e490003
            iscsi://[::1]/target.iqn.com.sun:02:d0f2d311-f703,lun.2     | ISCSI://[::1]:3260/TARGET.IQN.COM.SUN:02:D0F2D311-F703,LUN.2
            lu:luname.naa.5000c5000288fa25                              | LU:LUNAME.NAA.5000C5000288FA25
            nfs://admin:staff@host/export/test/nfs_file                 | nfs://admin:staff@HOST/export/test/nfs_file
            dev:zvol/dsk/rpool/kz/disk0                                 | DEV:///dev/zvol/dsk/rpool/kz/disk0
            file:///export/f                                            | File:///export/f
            """)
    void urisNamingTheSameStorageAreEqual(String a, String b) throws InvalidStorageUriException {
        assertThat(StorageUris.parse(a)).isEqualTo(StorageUris.parse(b)).hasSameHashCodeAs(StorageUris.parse(b));
        assertThat(StorageUris.parse(a).sameStorage(StorageUris.parse(b))).isTrue();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', textBlock = """
            dev:dsk/c0t0d0s0                                            | dev:dsk/C0T0D0S0
            dev:dsk/c0t0d0s0                                            | dev:dsk/c0t0d0s1
            iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E490003 | iscsi://mystorage:3261/luname.naa.600144F0DBF8AF1900005FD25E490003
            iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E490003 | iscsi://other/luname.naa.600144F0DBF8AF1900005FD25E490003
            iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E490003 | lu:luname.naa.600144F0DBF8AF1900005FD25E490003
            iscsi://[::1]/target.iqn.com.sun:02:d0f2d311-f703,lun.2     | iscsi://[::1]/target.iqn.com.sun:02:d0f2d311-f703,lun.3
            nfs://admin:staff@host/export/test/nfs_file                 | nfs://Admin:staff@host/export/test/nfs_file
            nfs://admin:staff@host/export/test/nfs_file                 | nfs://admin:staff@host/export/test/NFS_file
            nfs://admin:staff@host/export/test/nfs_file                 | nfs://admin:staff@host:2049/export/test/nfs_file
            file:///export/f                                            | file://root:root@/export/f
            file:///export/f                                            | nfs://root:root@localhost/export/f
            """)
    void urisNamingDifferentStorageAreNotEqual(String a, String b) throws InvalidStorageUriException {
        assertThat(StorageUris.parse(a)).isNotEqualTo(StorageUris.parse(b));
        assertThat(StorageUris.parse(a).sameStorage(StorageUris.parse(b))).isFalse();
    }

    @Test
    void nothingIsTheSameStorageAsNull() throws InvalidStorageUriException {
        StorageUri uri = StorageUris.parse("dev:dsk/c0t0d0s0");
        assertThat(uri.sameStorage(null)).isFalse();
        assertThat(uri).isNotEqualTo(null).isNotEqualTo("dev:dsk/c0t0d0s0");
    }

    @Test
    void iscsiParseMatchesTheSuriadmSample() throws InvalidStorageUriException {
        assertThat(StorageUris.parse("iscsi://target/luname.naa.600144F035FF8500000050C884E50001").properties())
                .containsExactly(
                        entry("uri-type", "iscsi"),
                        entry("hostname", "target"),
                        entry("port", "-"),
                        entry("luname", "naa.600144F035FF8500000050C884E50001"));
    }

    @Test
    void devParseMatchesTheSuriadmSample() throws InvalidStorageUriException {
        assertThat(StorageUris.parse("dev:/dev/dsk/c4t1d0").properties())
                .containsExactly(entry("uri-type", "dev"), entry("path", "/dev/dsk/c4t1d0"));
    }

    @Test
    void devPathPropertyIsAbsoluteForEverySpelling() throws InvalidStorageUriException {
        for (String text : new String[] {"dev:dsk/c4t1d0", "dev:///dev/dsk/c4t1d0", "dev:/dev/dsk/c4t1d0"}) {
            assertThat(StorageUris.parse(text).properties()).containsEntry("path", "/dev/dsk/c4t1d0");
        }
    }

    @Test
    void iscsiParseShowsAGivenPortAndAnIpv6HostWithoutBrackets() throws InvalidStorageUriException {
        assertThat(StorageUris.parse("iscsi://[::1]:3260/luname.eui.0021280001CF80F6").properties())
                .containsExactly(
                        entry("uri-type", "iscsi"),
                        entry("hostname", "::1"),
                        entry("port", "3260"),
                        entry("luname", "eui.0021280001CF80F6"));
    }

    @Test
    void iscsiTargetFormParsesIntoTargetAndLun() throws InvalidStorageUriException {
        assertThat(StorageUris.parse("iscsi:///target.iqn.com.sun:02:D0f2d311-f703,lun.2").properties())
                .containsExactly(
                        entry("uri-type", "iscsi"),
                        entry("hostname", "-"),
                        entry("port", "-"),
                        entry("target", "iqn.com.sun:02:D0f2d311-f703"),
                        entry("lun", "2"));
    }

    @Test
    void luParseShowsThePinnedPathOrDashes() throws InvalidStorageUriException {
        assertThat(StorageUris.parse(
                "lu:initiator.naa.2100001D38089FB0,target.naa.2100001d38089fb1,luname.naa.5000c5000288fa25").properties())
                .containsExactly(
                        entry("uri-type", "lu"),
                        entry("initiator", "naa.2100001D38089FB0"),
                        entry("target", "naa.2100001d38089fb1"),
                        entry("luname", "naa.5000c5000288fa25"));
        assertThat(StorageUris.parse("lu:luname.eui.0021280001cf80f6").properties())
                .containsExactly(
                        entry("uri-type", "lu"),
                        entry("initiator", "-"),
                        entry("target", "-"),
                        entry("luname", "eui.0021280001cf80f6"));
    }

    @Test
    void nfsParseShowsOwnerHostPortAndPath() throws InvalidStorageUriException {
        assertThat(StorageUris.parse("nfs://admin:staff@Host:1000/export/test/nfs_file").properties())
                .containsExactly(
                        entry("uri-type", "nfs"),
                        entry("user", "admin"),
                        entry("group", "staff"),
                        entry("hostname", "Host"),
                        entry("port", "1000"),
                        entry("path", "/export/test/nfs_file"));
        assertThat(StorageUris.parse("nfs://admin:staff@host/export/test/nfs_file").properties())
                .containsEntry("port", "-");
    }

    @Test
    void fileParseShowsDashesWithoutAnOwner() throws InvalidStorageUriException {
        assertThat(StorageUris.parse("file:///export/kz/disk0.img").properties())
                .containsExactly(entry("uri-type", "file"), entry("user", "-"), entry("group", "-"),
                        entry("path", "/export/kz/disk0.img"));
        assertThat(StorageUris.parse("file://101:staff@/export/kz/disk0.img").properties())
                .containsExactly(entry("uri-type", "file"), entry("user", "101"), entry("group", "staff"),
                        entry("path", "/export/kz/disk0.img"));
    }

    @Test
    void propertiesCannotBeChanged() throws InvalidStorageUriException {
        Map<String, String> rows = StorageUris.parse("dev:dsk/c0t0d0").properties();
        assertThatThrownBy(() -> rows.put("path", "/etc/passwd")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void typedAccessorsGiveThePartsAsWritten() throws InvalidStorageUriException {
        IscsiUri iscsi = (IscsiUri) StorageUris.parse("iscsi://Zfssa:3261/luname.naa.600144F0DBF8AF19000052E820D60003");
        assertThat(iscsi.host()).hasValue("Zfssa");
        assertThat(iscsi.port()).hasValue(3261);
        assertThat(iscsi.luname()).hasValue("naa.600144F0DBF8AF19000052E820D60003");
        assertThat(iscsi.target()).isEmpty();
        assertThat(iscsi.lun()).isEmpty();

        IscsiUri byTarget = (IscsiUri) StorageUris.parse("iscsi:///target.iqn.com.sun:02:d0f2d311-f703,lun.2");
        assertThat(byTarget.host()).isEmpty();
        assertThat(byTarget.port()).isEmpty();
        assertThat(byTarget.luname()).isEmpty();
        assertThat(byTarget.target()).hasValue("iqn.com.sun:02:d0f2d311-f703");
        assertThat(byTarget.lun()).hasValue(2);

        LuUri lu = (LuUri) StorageUris.parse(
                "lu:initiator.naa.2100001d38089fb0,target.naa.2100001d38089fb1,luname.naa.5000c5000288fa25");
        assertThat(lu.initiator()).hasValue("naa.2100001d38089fb0");
        assertThat(lu.target()).hasValue("naa.2100001d38089fb1");
        assertThat(lu.luname()).isEqualTo("naa.5000c5000288fa25");
        assertThat(((LuUri) StorageUris.parse("lu:luname.naa.5000c5000288fa25")).initiator()).isEmpty();

        NfsUri nfs = (NfsUri) StorageUris.parse("nfs://admin:staff@[2001:db8::7]:1000/export/test/nfs_file");
        assertThat(nfs.user()).isEqualTo("admin");
        assertThat(nfs.group()).isEqualTo("staff");
        assertThat(nfs.host()).isEqualTo("2001:db8::7");
        assertThat(nfs.port()).hasValue(1000);
        assertThat(nfs.path()).isEqualTo("/export/test/nfs_file");

        FileUri file = (FileUri) StorageUris.parse("file://root:sys@/export/disk.img");
        assertThat(file.user()).hasValue("root");
        assertThat(file.group()).hasValue("sys");
        assertThat(file.path()).isEqualTo("/export/disk.img");
        assertThat(((FileUri) StorageUris.parse("file:///export/disk.img")).user()).isEmpty();

        DevUri dev = (DevUri) StorageUris.parse("dev:///dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk1");
        assertThat(dev.path()).isEqualTo("zvol/dsk/rpool/VARSHARE/zones/mykz/disk1");
    }

    @Test
    void recordsBuiltDirectlyAreCheckedToo() throws InvalidStorageUriException {
        assertThat(new DevUri("dev:/dev/dsk/c4t1d0")).isEqualTo(StorageUris.parse("dev:dsk/c4t1d0"));
        assertThat(new IscsiUri("iscsi://h/luname.naa.5000c5000288fa25").toString())
                .isEqualTo("iscsi://h/luname.naa.5000c5000288fa25");

        assertThatThrownBy(() -> new DevUri("dev:/etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("storage URI 'dev:/etc/passwd': path '/etc/passwd' is not under /dev")
                .hasCauseInstanceOf(InvalidStorageUriException.class);
        assertThatThrownBy(() -> new DevUri("iscsi://h/luname.naa.5000c5000288fa25"))
                .hasMessageEndingWith("is not a dev: URI");
        assertThatThrownBy(() -> new LuUri("dev:dsk/c0")).hasMessageEndingWith("is not an lu: URI");
        assertThatThrownBy(() -> new IscsiUri("lu:luname.naa.5000c5000288fa25")).hasMessageEndingWith("is not an iscsi:// URI");
        assertThatThrownBy(() -> new NfsUri("file:///a")).hasMessageEndingWith("is not an nfs:// URI");
        assertThatThrownBy(() -> new FileUri("nfs://a:b@h/a")).hasMessageEndingWith("is not a file:// URI");
        assertThatThrownBy(() -> new NfsUri("nfs://a:b@h/a;reboot")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileUri(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uriTypeWordsAreTheSuriadmWords() {
        assertThat(UriType.values()).extracting(UriType::word).containsExactly("dev", "lu", "iscsi", "nfs", "file");
        assertThat(UriType.ofScheme("ISCSI")).hasValue(UriType.ISCSI);
        assertThat(UriType.ofScheme("http")).isEmpty();
    }

    @Test
    void acceptsAUriOfExactlyTheMaximumLength() throws InvalidStorageUriException {
        String text = "dev:zvol/dsk/" + "a".repeat(StorageUris.MAX_LENGTH - "dev:zvol/dsk/".length());
        assertThat(text).hasSize(1024);
        assertThat(StorageUris.parse(text).type()).isEqualTo(UriType.DEV);
    }
}
