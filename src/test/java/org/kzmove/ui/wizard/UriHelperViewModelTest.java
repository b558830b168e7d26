package org.kzmove.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.ui.wizard.UriHelperViewModel.Field;
import org.kzmove.ui.wizard.UriHelperViewModel.Kind;

class UriHelperViewModelTest {
    private final UriHelperViewModel helper = new UriHelperViewModel();

    private void fill(Kind kind, String... fieldValues) {
        helper.kindProperty().set(kind);
        for (int i = 0; i < fieldValues.length; i += 2) {
            helper.field(Field.valueOf(fieldValues[i])).set(fieldValues[i + 1]);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ZFS_VOLUME   | POOL=rpool;VOLUME=/VARSHARE/zones/web01/disk2                 | dev:/dev/zvol/dsk/rpool/VARSHARE/zones/web01/disk2
            ISCSI_LUNAME | HOST=zfssa02;LUNAME=naa.600144F0CC6577428C2F6D6BC64E5A22      | iscsi://zfssa02/luname.naa.600144F0CC6577428C2F6D6BC64E5A22
            ISCSI_LUNAME | HOST=zfssa02;PORT=3261;LUNAME=600144F0CC6577428C2F6D6BC64E5A22 | iscsi://zfssa02:3261/luname.naa.600144F0CC6577428C2F6D6BC64E5A22
            ISCSI_LUNAME | LUNAME=luname.naa.600144F0CC6577428C2F6D6BC64E5A22             | iscsi:///luname.naa.600144F0CC6577428C2F6D6BC64E5A22
            ISCSI_TARGET | HOST=10.0.0.5;TARGET=iqn.1986-03.com.sun:02:kz-disk;LUN=3      | iscsi://10.0.0.5/target.iqn.1986-03.com.sun:02:kz-disk,lun.3
            LU           | LUNAME=naa.5000CCA05E20B247                                   | lu:luname.naa.5000CCA05E20B247
            LU_PATH      | INITIATOR=naa.2100001b32a4b3e7;TARGET_PORT=naa.2100001b32a4b3e8;LUNAME=naa.5000CCA05E20B247 | lu:initiator.naa.2100001b32a4b3e7,target.naa.2100001b32a4b3e8,luname.naa.5000CCA05E20B247
            NFS          | USER=root;GROUP=root;HOST=nas01;PATH=/export/kz/web01-disk2.img | nfs://root:root@nas01/export/kz/web01-disk2.img
            FILE         | PATH=/export/kz/disk0.img                                     | file:///export/kz/disk0.img
            FILE         | USER=root;GROUP=staff;PATH=export/kz/disk0.img                 | file://root:staff@/export/kz/disk0.img
            """)
    void eachHelperBuildsTheUriSuriadmExpects(Kind kind, String fields, String expected) {
        helper.kindProperty().set(kind);
        for (String pair : fields.split(";")) {
            String[] kv = pair.split("=", 2);
            helper.field(Field.valueOf(kv[0])).set(kv[1]);
        }

        assertThat(helper.uriBinding().get()).isEqualTo(expected);
        assertThat(helper.errorBinding().get()).isEmpty();
        assertThat(StorageUris.isValid(expected)).isTrue();
    }

    @Test
    void aMissingPartIsNamed() {
        fill(Kind.ISCSI_TARGET, "HOST", "zfssa02", "TARGET", "iqn.1986-03.com.sun:02:kz");

        assertThat(helper.errorBinding().get()).isEqualTo("Fill in the lun number.");
        assertThat(helper.isValid()).isFalse();
    }

    @Test
    void aBadPartGivesTheParsersReason() {
        fill(Kind.ISCSI_LUNAME, "HOST", "zfssa02", "PORT", "99999", "LUNAME", "naa.600144F0CC6577428C2F6D6BC64E5A22");

        assertThat(helper.errorBinding().get()).contains("99999").contains("65535");
    }

    @Test
    void aFileNeedsBothUserAndGroupOrNeither() {
        fill(Kind.FILE, "USER", "root", "PATH", "/export/kz/disk0.img");

        assertThat(helper.errorBinding().get()).isEqualTo("Give both a user and a group, or neither.");
    }

    @Test
    void usingTheHelperFillsTheFirstEmptyTarget() {
        TargetsStepViewModel targets = new TargetsStepViewModel("web01", java.util.List.of());
        targets.helper().kindProperty().set(Kind.LU);
        targets.helper().field(Field.LUNAME).set("naa.5000CCA05E20B247");

        targets.useHelperUri();

        assertThat(targets.rows()).singleElement().extracting(r -> r.uriProperty().get())
                .isEqualTo("lu:luname.naa.5000CCA05E20B247");
    }
}
