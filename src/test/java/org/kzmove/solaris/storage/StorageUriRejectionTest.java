package org.kzmove.solaris.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.storage.InvalidStorageUriException.Part;

/** Malformed and hostile storage URIs: each is refused, and the message names the wrong part and why. */
class StorageUriRejectionTest {

    private static final String LU32 = "600144f03d70c80000004ea57da10001";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            http://example.com/disk                   | SCHEME | unsupported scheme 'http' (expected dev:, lu:, iscsi://, nfs:// or file://)
            zvol:rpool/kz/disk0                       | SCHEME | unsupported scheme 'zvol' (expected dev:, lu:, iscsi://, nfs:// or file://)
            /dev/dsk/c0t0d0                           | SCHEME | has no scheme; a device path is written 'dev:/dev/dsk/c0t0d0'
            c0t0d0                                    | SCHEME | has no scheme (expected dev:, lu:, iscsi://, nfs:// or file://)
            :dsk/c0t0d0                               | SCHEME | has no scheme (expected dev:, lu:, iscsi://, nfs:// or file://)
            iscsi:/h/luname.naa.5000c5000288fa25      | SCHEME | 'iscsi:' must be followed by '//' (iscsi://...)
            nfs:admin:staff@h/export/f                | SCHEME | 'nfs:' must be followed by '//' (nfs://...)
            file:/export/f                            | SCHEME | 'file:' must be followed by '//' (file://...)
            dev:                                      | PATH   | has no device path after 'dev:'
            dev://dsk/c0t0d0s0                        | PATH   | 'dev://' must be followed by an absolute path, as in dev:///dev/dsk/c0t0d0s0
            dev:/etc/passwd                           | PATH   | path '/etc/passwd' is not under /dev
            dev:///etc/passwd                         | PATH   | path '/etc/passwd' is not under /dev
            dev:/devices/pci@0,0/disk@0               | PATH   | path '/devices/pci@0,0/disk@0' is not under /dev
            dev:/dev                                  | PATH   | path '/dev' is /dev itself, not a device
            dev:/dev/                                 | PATH   | path '/dev/' is /dev itself, not a device
            dev:////dev/dsk/c0t0d0                    | PATH   | path '//dev/dsk/c0t0d0' is not under /dev
            dev:/dev/../etc/passwd                    | PATH   | device path '/dev/../etc/passwd' has a '..' component
            dev:dsk/../../etc/passwd                  | PATH   | device path '/dev/dsk/../../etc/passwd' has a '..' component
            dev:dsk/./c0t0d0                          | PATH   | device path '/dev/dsk/./c0t0d0' has a '.' component
            dev:dsk//c0t0d0                           | PATH   | device path '/dev/dsk//c0t0d0' has an empty component
            dev:/dev//dsk/c0t0d0                      | PATH   | device path '/dev//dsk/c0t0d0' has an empty component
            dev:dsk/c0t0d0/                           | PATH   | device path '/dev/dsk/c0t0d0/' ends with '/'
            dev:dsk/c0,t0                             | PATH   | character ',' at position 11 is not allowed in a device path (only letters, digits, '.', '_' and '-')
            dev:/dev/dsk/c0:1                         | PATH   | character ':' at position 16 is not allowed in a device path (only letters, digits, '.', '_' and '-')
            dev:dsk/[c0]                              | PATH   | character '[' at position 9 is not allowed in a device path (only letters, digits, '.', '_' and '-')
            dev:dsk/c0@x                              | PATH   | character '@' at position 11 is not allowed in a device path (only letters, digits, '.', '_' and '-')
            lu:                                       | LOGICAL_UNIT | has nothing after 'lu:' (expected luname.naa.<ID>, luname.eui.<ID> or initiator.naa.<ID>,target.naa.<ID>,luname.naa.<ID>)
            lu:luname.naa.                            | LOGICAL_UNIT | 'luname.naa.' has no identifier after 'naa.'
            lu:luname.naa                             | LOGICAL_UNIT | 'luname.naa' has no identifier after 'naa.'
            lu:luname.                                | LOGICAL_UNIT | 'luname.' has no identifier type after 'luname.' (luname.naa.<ID> or luname.eui.<ID>)
            lu:luname.naa.XYZ                         | LOGICAL_UNIT | 'luname.naa.XYZ' is not a NAA identifier (16 or 32 hexadecimal digits)
            lu:luname.naa.5000c5000288fa2             | LOGICAL_UNIT | 'luname.naa.5000c5000288fa2' is not a NAA identifier (16 or 32 hexadecimal digits)
            lu:luname.naa.5000c5000288fa25g           | LOGICAL_UNIT | 'luname.naa.5000c5000288fa25g' is not a NAA identifier (16 or 32 hexadecimal digits)
            lu:luname.naa.5000c500:0288fa25           | LOGICAL_UNIT | 'luname.naa.5000c500:0288fa25' is not a NAA identifier (16 or 32 hexadecimal digits)
            lu:luname.naa.5000c5000288fa25@h          | LOGICAL_UNIT | 'luname.naa.5000c5000288fa25@h' is not a NAA identifier (16 or 32 hexadecimal digits)
            lu:luname.eui.0021280001cf80f6aa          | LOGICAL_UNIT | 'luname.eui.0021280001cf80f6aa' is not an EUI-64 identifier (16 hexadecimal digits)
            lu:luname.eui.600144f03d70c80000004ea57da10001 | LOGICAL_UNIT | 'luname.eui.600144f03d70c80000004ea57da10001' is not an EUI-64 identifier (16 hexadecimal digits)
            lu:luname.wwn.5000c5000288fa25            | LOGICAL_UNIT | 'luname.wwn.5000c5000288fa25': only NAA and EUI-64 identifiers are supported (luname.naa.<ID> or luname.eui.<ID>)
            lu:naa.5000c5000288fa25                   | LOGICAL_UNIT | 'naa.5000c5000288fa25' should be luname.naa.<ID> or luname.eui.<ID>
            lu:luname.naa.5000c5000288fa25,           | LOGICAL_UNIT | part 2 of 2 between commas is empty (expected luname.naa.<ID>, luname.eui.<ID> or initiator.naa.<ID>,target.naa.<ID>,luname.naa.<ID>)
            "lu:,,luname.naa.5000c5000288fa25"        | LOGICAL_UNIT | part 1 of 3 between commas is empty (expected luname.naa.<ID>, luname.eui.<ID> or initiator.naa.<ID>,target.naa.<ID>,luname.naa.<ID>)
            lu:initiator.naa.2100001d38089fb0,luname.naa.5000c5000288fa25 | LOGICAL_UNIT | has 2 comma-separated parts; expected luname.naa.<ID>, luname.eui.<ID> or initiator.naa.<ID>,target.naa.<ID>,luname.naa.<ID>
            lu:target.naa.2100001d38089fb0,initiator.naa.2100001d38089fb0,luname.naa.5000c5000288fa25 | INITIATOR | 'target.naa.2100001d38089fb0' should be initiator.naa.<ID>
            lu:initiator.eui.2100001d38089fb0,target.naa.2100001d38089fb0,luname.naa.5000c5000288fa25 | INITIATOR | 'initiator.eui.2100001d38089fb0': only NAA identifiers are supported here (initiator.naa.<ID>)
            lu:initiator.naa.2100001d38089fb0,target.naa.21,luname.naa.5000c5000288fa25 | TARGET | 'target.naa.21' is not a NAA identifier (16 or 32 hexadecimal digits)
            lu:initiator.naa.2100001d38089fb0,target.naa.2100001d38089fb0,luname.naa.5000 | LOGICAL_UNIT | 'luname.naa.5000' is not a NAA identifier (16 or 32 hexadecimal digits)
            iscsi://h:99999/luname.naa.600144f03d70c80000004ea57da10001 | PORT | port 99999 is out of range (1-65535)
            iscsi://h:65536/luname.naa.600144f03d70c80000004ea57da10001 | PORT | port 65536 is out of range (1-65535)
            iscsi://h:0/luname.naa.600144f03d70c80000004ea57da10001 | PORT | port 0 is out of range (1-65535)
            iscsi://h:99999999999999999999/luname.naa.600144f03d70c80000004ea57da10001 | PORT | port 99999999999999999999 is out of range (1-65535)
            iscsi://h:/luname.naa.600144f03d70c80000004ea57da10001 | PORT | port is empty after ':'
            iscsi://h:32a/luname.naa.600144f03d70c80000004ea57da10001 | PORT | port '32a' is not a number
            iscsi://h:-1/luname.naa.600144f03d70c80000004ea57da10001 | PORT | port '-1' is not a number
            iscsi://h:03260/luname.naa.600144f03d70c80000004ea57da10001 | PORT | port '03260' has a leading zero
            iscsi://:3260/luname.naa.600144f03d70c80000004ea57da10001 | HOST | host is empty before ':3260'
            iscsi://my_host/luname.naa.600144f03d70c80000004ea57da10001 | HOST | host name 'my_host' has character '_'; only letters, digits and '-' are allowed
            iscsi://-h/luname.naa.600144f03d70c80000004ea57da10001 | HOST | host name '-h' has a label starting or ending with '-'
            iscsi://h-.example/luname.naa.600144f03d70c80000004ea57da10001 | HOST | host name 'h-.example' has a label starting or ending with '-'
            iscsi://a..b/luname.naa.600144f03d70c80000004ea57da10001 | HOST | host name 'a..b' has an empty label
            iscsi://host./luname.naa.600144f03d70c80000004ea57da10001 | HOST | host name 'host.' has an empty label
            iscsi://999.1.1.1/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '999.1.1.1' is not a valid IPv4 address (999 is out of range 0-255)
            iscsi://1.2.3.4444/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '1.2.3.4444' is not a valid IPv4 address (4444 is out of range 0-255)
            iscsi://1.2.3/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '1.2.3' is not a valid IPv4 address (four numbers expected)
            iscsi://1.2.3.4.5/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '1.2.3.4.5' is not a valid IPv4 address (four numbers expected)
            iscsi://010.0.0.1/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '010.0.0.1' is not a valid IPv4 address (leading zeros are ambiguous: some resolvers read them as octal)
            iscsi://::1/luname.naa.600144f03d70c80000004ea57da10001 | HOST | host '::1' has more than one ':'; IPv6 addresses must be enclosed in square brackets
            iscsi://[::1/luname.naa.600144f03d70c80000004ea57da10001 | HOST | IPv6 address '[::1' has no closing ']'
            iscsi://[]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | IPv6 address '[]' is empty
            iscsi://[1::2::3]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '1::2::3' is not a valid IPv6 address
            iscsi://[:::1]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | ':::1' is not a valid IPv6 address
            iscsi://[::g]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '::g' is not a valid IPv6 address
            iscsi://[1:2:3:4:5:6:7:8:9]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '1:2:3:4:5:6:7:8:9' is not a valid IPv6 address
            iscsi://[1:2:3:4:5:6:7]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '1:2:3:4:5:6:7' is not a valid IPv6 address
            iscsi://[1:2:3:4:5:6:7::8]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '1:2:3:4:5:6:7::8' is not a valid IPv6 address
            iscsi://[12345::1]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '12345::1' is not a valid IPv6 address
            iscsi://[:1::2]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | ':1::2' is not a valid IPv6 address
            iscsi://[1::2:]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '1::2:' is not a valid IPv6 address
            iscsi://[::1.2.3.256]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '::1.2.3.256' is not a valid IPv6 address
            iscsi://[1.2.3.4::1]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '1.2.3.4::1' is not a valid IPv6 address
            iscsi://[127.0.0.1]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '127.0.0.1' is not a valid IPv6 address
            iscsi://[::1]x/luname.naa.600144f03d70c80000004ea57da10001 | HOST | unexpected 'x' after the IPv6 address (expected ':port' or '/')
            iscsi://[::1]:/luname.naa.600144f03d70c80000004ea57da10001 | PORT | port is empty after ':'
            iscsi://[::1]:70000/luname.naa.600144f03d70c80000004ea57da10001 | PORT | port 70000 is out of range (1-65535)
            iscsi://h[1]/luname.naa.600144f03d70c80000004ea57da10001 | HOST | '[' and ']' are only allowed around an IPv6 address, in 'h[1]'
            iscsi://user@h/luname.naa.600144f03d70c80000004ea57da10001 | HOST | user information ('user@') is not allowed in an iSCSI URI
            iscsi://h                                 | LOGICAL_UNIT | has no '/' after the host (iscsi://[host[:port]]/luname.naa.<ID>)
            iscsi://                                  | LOGICAL_UNIT | has no '/' after the host (iscsi://[host[:port]]/luname.naa.<ID>)
            iscsi://h/                                | LOGICAL_UNIT | has nothing after the host (expected luname.naa.<ID>, luname.eui.<ID> or target.<IQN>,lun.<LUN>)
            iscsi:///                                 | LOGICAL_UNIT | has nothing after the host (expected luname.naa.<ID>, luname.eui.<ID> or target.<IQN>,lun.<LUN>)
            iscsi://h/luname.naa.XYZ                  | LOGICAL_UNIT | 'luname.naa.XYZ' is not a NAA identifier (16 or 32 hexadecimal digits)
            iscsi://h/luname.naa.600144f0...          | LOGICAL_UNIT | 'luname.naa.600144f0...' is not a NAA identifier (16 or 32 hexadecimal digits)
            iscsi://h/luname.naa.                     | LOGICAL_UNIT | 'luname.naa.' has no identifier after 'naa.'
            iscsi://h/luname.eui.12                   | LOGICAL_UNIT | 'luname.eui.12' is not an EUI-64 identifier (16 hexadecimal digits)
            iscsi://h/luname.naa.600144f03d70c80000004ea57da10001/x | LOGICAL_UNIT | 'luname.naa.600144f03d70c80000004ea57da10001/x' is not a NAA identifier (16 or 32 hexadecimal digits)
            iscsi://h/luname.naa.600144f03d70c80000004ea57da10001,lun.1 | LOGICAL_UNIT | 'luname.naa.600144f03d70c80000004ea57da10001,lun.1': a logical unit name is not followed by ',' parts (expected luname.naa.<ID>, luname.eui.<ID> or target.<IQN>,lun.<LUN>)
            iscsi://h/naa.600144f03d70c80000004ea57da10001 | LOGICAL_UNIT | 'naa.600144f03d70c80000004ea57da10001' is not a logical unit (expected luname.naa.<ID>, luname.eui.<ID> or target.<IQN>,lun.<LUN>)
            iscsi://h/lun.1                           | LOGICAL_UNIT | 'lun.1' is not a logical unit (expected luname.naa.<ID>, luname.eui.<ID> or target.<IQN>,lun.<LUN>)
            iscsi://h/target.iqn.com.sun:02:d0f2d311-f703 | LUN | 'target.iqn.com.sun:02:d0f2d311-f703' has no ',lun.<LUN>' part
            iscsi://h/target.,lun.1                   | TARGET | target name is empty after 'target.'
            iscsi://h/target.iqn.,lun.1               | TARGET | target name 'iqn.' has nothing after 'iqn.'
            iscsi://h/target.foo.bar,lun.1            | TARGET | target name 'foo.bar' should start with 'iqn.', 'eui.' or 'naa.'
            iscsi://h/target.iqn.a_b,lun.1            | TARGET | character '_' at position 23 is not allowed in an iSCSI name (only letters, digits, '.', ':' and '-')
            iscsi://h/target.iqn.a/b,lun.1            | TARGET | character '/' at position 23 is not allowed in an iSCSI name (only letters, digits, '.', ':' and '-')
            iscsi://h/target.iqn.a@b,lun.1            | TARGET | character '@' at position 23 is not allowed in an iSCSI name (only letters, digits, '.', ':' and '-')
            iscsi://h/target.eui.123,lun.1            | TARGET | target name 'eui.123' is not an EUI-64 name (eui. and 16 hexadecimal digits)
            iscsi://h/target.naa.123,lun.1            | TARGET | target name 'naa.123' is not a NAA name (naa. and 16 or 32 hexadecimal digits)
            iscsi://h/target.iqn.x,lun.               | LUN    | LUN is empty after 'lun.'
            iscsi://h/target.iqn.x,lun.16384          | LUN    | LUN 16384 is out of range (0-16383)
            iscsi://h/target.iqn.x,lun.99999999999    | LUN    | LUN 99999999999 is out of range (0-16383)
            iscsi://h/target.iqn.x,lun.-1             | LUN    | LUN '-1' is not a decimal number
            iscsi://h/target.iqn.x,lun.0x10           | LUN    | LUN '0x10' is not a decimal number
            iscsi://h/target.iqn.x,lun.01             | LUN    | LUN '01' has a leading zero
            iscsi://h/target.iqn.x,lun.1,lun.2        | LUN    | LUN '1,lun.2' is not a decimal number
            iscsi://h/target.iqn.x,port.1             | LUN    | 'port.1' after the target should be 'lun.<LUN>'
            iscsi://h/target.iqn.x,                   | LUN    | '' after the target should be 'lun.<LUN>'
            nfs://admin:staff@host                    | PATH   | has no path after the host (nfs://user:group@host[:port]/path/file)
            nfs://host/export/f                       | USER   | user and group are required (nfs://user:group@host/path/file)
            nfs://:staff@host/export/f                | USER   | user is empty (user:group@ needs both)
            nfs://admin:@host/export/f                | GROUP  | group is empty (user:group@ needs both)
            nfs://:@host/export/f                     | USER   | user is empty (user:group@ needs both)
            nfs://admin@host/export/f                 | USER   | 'admin@' should be 'user:group@' (both are required)
            nfs://admin:staff:x@host/export/f         | GROUP  | 'admin:staff:x@' has more than one ':' (expected user:group@)
            nfs://a@b:staff@host/export/f             | HOST   | has more than one '@'
            nfs://1abc:staff@host/export/f            | USER   | user '1abc' is neither a user name (a letter or '_', then letters, digits, '_', '.' or '-') nor a numeric user ID
            nfs://-rf:staff@host/export/f             | USER   | user '-rf' is neither a user name (a letter or '_', then letters, digits, '_', '.' or '-') nor a numeric user ID
            nfs://admin:.x@host/export/f              | GROUP  | group '.x' is neither a group name (a letter or '_', then letters, digits, '_', '.' or '-') nor a numeric group ID
            nfs://99999999999:staff@host/export/f     | USER   | user ID 99999999999 is out of range (0-2147483647)
            nfs://2147483648:staff@host/export/f      | USER   | user ID 2147483648 is out of range (0-2147483647)
            nfs://admin:010@host/export/f             | GROUP  | group ID '010' has a leading zero
            nfs://admin:staff@/export/f               | HOST   | host is empty after '@'
            nfs://admin:staff@:2049/export/f          | HOST   | host is empty before ':2049'
            nfs://admin:staff@host:70000/export/f     | PORT   | port 70000 is out of range (1-65535)
            nfs://admin:staff@ho_st/export/f          | HOST   | host name 'ho_st' has character '_'; only letters, digits and '-' are allowed
            nfs://admin:staff@host/                   | PATH   | path is '/'; a file name is expected
            nfs://admin:staff@host//export/f          | PATH   | path '//export/f' has an empty component
            nfs://admin:staff@host/export/f/          | PATH   | path '/export/f/' ends with '/'
            nfs://admin:staff@host/export/../etc/shadow | PATH | path '/export/../etc/shadow' has a '..' component
            nfs://admin:staff@host/export/f,g         | PATH   | character ',' at position 32 is not allowed in a path (only letters, digits, '.', '_' and '-')
            nfs://admin:staff@host/export/f:g         | PATH   | character ':' at position 32 is not allowed in a path (only letters, digits, '.', '_' and '-')
            file://                                   | PATH   | has no path after 'file://' (file:///path or file://user:group@/path)
            file://host/export/f                      | HOST   | 'host' is a host; a file URI names a file in the global zone and takes no host (file:///path or file://user:group@/path)
            file://host                               | HOST   | 'host' is a host; a file URI names a file in the global zone and takes no host (file:///path or file://user:group@/path)
            file://root:root@host/export/f            | HOST   | 'host' after '@' is a host; a file URI names a file in the global zone and takes no host (file:///path or file://user:group@/path)
            file://root:root@                         | PATH   | has no path after '@' (file:///path or file://user:group@/path)
            file://root@/export/f                     | USER   | 'root@' should be 'user:group@' (both are required)
            file://:root@/export/f                    | USER   | user is empty (user:group@ needs both)
            file://root:@/export/f                    | GROUP  | group is empty (user:group@ needs both)
            file://root:root@/export/f@x              | PATH   | character '@' at position 27 is not allowed in a path (only letters, digits, '.', '_' and '-')
            file:///                                  | PATH   | path is '/'; a file name is expected
            file:////export/f                         | PATH   | path '//export/f' has an empty component
            file:///export/../etc/shadow              | PATH   | path '/export/../etc/shadow' has a '..' component
            file:///export/[f]                        | PATH   | character '[' at position 16 is not allowed in a path (only letters, digits, '.', '_' and '-')
            """)
    void refusesMalformedUrisSayingWhichPartAndWhy(String text, Part part, String reason) {
        InvalidStorageUriException e = catchThrowableOfType(InvalidStorageUriException.class,
                () -> StorageUris.parse(text));

        assertThat(e).as("refused: " + text).isNotNull();
        assertThat(e).hasMessage("storage URI '" + text + "': " + reason);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.part()).isEqualTo(part);
        assertThat(e.what()).isEqualTo("storage URI");
        assertThat(e.value()).isEqualTo(text);
        assertThat(e).isInstanceOf(InvalidValueException.class);
        assertThat(StorageUris.isValid(text)).isFalse();
    }

    /** Each character a shell gives meaning to, placed in every kind of URI, is named with its position. */
    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(chars = {';', '&', '|', '$', '`', '\'', '"', '\\', '<', '>', '(', ')', '{', '}', '*', '?', '!',
            '#', '~', '=', '%', '^', '+', ' '})
    void refusesShellMetacharactersAnywhere(char c) {
        String[] templates = {
            "dev:/dev/dsk/c0t0d0%s", "dev:dsk/c0%st0d0", "lu:luname.naa.5000c5000288fa25%s",
            "iscsi://host%s/luname.naa." + LU32, "iscsi://[::1]/target.iqn.com.sun:02:d0f2%s,lun.2",
            "nfs://admin:staff@host/export/f%sile", "nfs://admin%s:staff@host/export/file",
            "file:///export/f%sile", "%sdev:dsk/c0t0d0",
        };
        for (String template : templates) {
            String text = template.replace("%s", String.valueOf(c));
            if (c == ' ' && (text.startsWith(" ") || text.endsWith(" "))) {
                continue;
            }
            int position = template.indexOf("%s") + 1;
            assertThatThrownBy(() -> StorageUris.parse(text))
                    .as(text)
                    .isInstanceOf(InvalidStorageUriException.class)
                    .hasMessage("storage URI '" + text + "': character '" + c + "' at position " + position
                            + " is not allowed in a storage URI");
        }
    }

    @Test
    void theBriefsExamplePositionIsCountedFromOne() {
        assertThatThrownBy(() -> StorageUris.parse("dev:dsk/c0t0;reboot"))
                .hasMessage("storage URI 'dev:dsk/c0t0;reboot': character ';' at position 13 is not allowed in a storage URI");
        assertThatThrownBy(() -> StorageUris.parse("dev:dsk/c0$(reboot)"))
                .hasMessageEndingWith("character '$' at position 11 is not allowed in a storage URI");
    }

    static Stream<Arguments> controlAndNonAsciiCharacters() {
        return Stream.of(
                Arguments.of("dev:dsk/c0\nreboot", "character '\\n' at position 11 is not allowed in a storage URI"),
                Arguments.of("dev:dsk/c0\rx", "character '\\r' at position 11 is not allowed in a storage URI"),
                Arguments.of("dev:dsk/c0\tx", "character '\\t' at position 11 is not allowed in a storage URI"),
                Arguments.of("dev:dsk/c0\u0000x", "character '\\x00' at position 11 is not allowed in a storage URI"),
                Arguments.of("dev:dsk/c0\u001b[31mx", "character '\\x1b' at position 11 is not allowed in a storage URI"),
                Arguments.of("dev:dsk/c\u007f0", "character '\\x7f' at position 10 is not allowed in a storage URI"),
                Arguments.of("iscsi://h\u0085/luname.naa." + LU32,
                        "character U+0085 at position 10 is not allowed in a storage URI "
                                + "(only ASCII letters, digits and . _ - / : , @ [ ])"),
                Arguments.of("dev:dsk/c\u00e90", "character U+00E9 at position 10 is not allowed in a storage URI "
                        + "(only ASCII letters, digits and . _ - / : , @ [ ])"),
                Arguments.of("dev:dsk/c0\u202etxt", "character U+202E at position 11 is not allowed in a storage URI "
                        + "(only ASCII letters, digits and . _ - / : , @ [ ])"),
                Arguments.of("dev:dsk/c0\u200bx", "character U+200B at position 11 is not allowed in a storage URI "
                        + "(only ASCII letters, digits and . _ - / : , @ [ ])"),
                Arguments.of("dev:dsk/c0\uff1breboot", "character U+FF1B at position 11 is not allowed in a storage URI "
                        + "(only ASCII letters, digits and . _ - / : , @ [ ])"),
                Arguments.of("dev:dsk/\ud83d\udca3c0", "character U+1F4A3 at position 9 is not allowed in a storage URI "
                        + "(only ASCII letters, digits and . _ - / : , @ [ ])"),
                Arguments.of("dev:dsk/c0\ud800", "character U+D800 at position 11 is not allowed in a storage URI "
                        + "(only ASCII letters, digits and . _ - / : , @ [ ])"),
                Arguments.of(" dev:dsk/c0", "starts with whitespace (' ')"),
                Arguments.of("\tdev:dsk/c0", "starts with whitespace ('\\t')"),
                Arguments.of("dev:dsk/c0 ", "ends with whitespace (' ')"),
                Arguments.of("dev:dsk/c0\n", "ends with whitespace ('\\n')"),
                Arguments.of("dev:dsk/c0\u00a0", "ends with whitespace (U+00A0)"),
                Arguments.of("\u3000dev:dsk/c0", "starts with whitespace (U+3000)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("controlAndNonAsciiCharacters")
    void namesInvisibleCharactersWithoutPrintingThem(String text, String reason) {
        InvalidStorageUriException e = catchThrowableOfType(InvalidStorageUriException.class,
                () -> StorageUris.parse(text));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.part()).isEqualTo(Part.TEXT);
        assertThat(e.value()).as("the value is kept exactly").isEqualTo(text);
        assertThat(e.getMessage()).startsWith("storage URI '").endsWith("': " + reason);
        assertThat(e.getMessage().chars()).as("only printable ASCII in " + e.getMessage())
                .allMatch(ch -> ch >= 0x20 && ch < 0x7f);
        assertThat(e.toString()).doesNotContain("\n").doesNotContain("\u202e");
    }

    @Test
    void quotesHostileValuesVisiblyInTheMessage() {
        assertThatThrownBy(() -> StorageUris.parse("dev:dsk/c0\u202etxt.exe\nrm -rf /"))
                .hasMessageStartingWith("storage URI 'dev:dsk/c0U+202Etxt.exe\\nrm -rf /': ");
    }

    @Test
    void refusesEmptyAndNull() {
        assertThatThrownBy(() -> StorageUris.parse("")).hasMessage("storage URI '': is empty");
        assertThatThrownBy(() -> StorageUris.parse(null)).hasMessage("storage URI '': is empty")
                .isInstanceOf(InvalidStorageUriException.class);
        assertThat(StorageUris.isValid(null)).isFalse();
    }

    @Test
    void refusesOverlongUrisAndQuotesOnlyTheirStart() {
        String text = "dev:zvol/dsk/" + "a".repeat(2000);
        InvalidStorageUriException e = catchThrowableOfType(InvalidStorageUriException.class,
                () -> StorageUris.parse(text));

        assertThat(e.reason()).isEqualTo("is 2013 characters long; storage URIs have at most 1024");
        assertThat(e.getMessage()).startsWith("storage URI '" + text.substring(0, 120) + "...': is 2013")
                .hasSizeLessThan(250);
        assertThat(e.value()).isEqualTo(text);
        assertThat(StorageUris.isValid(text.substring(0, 1025))).isFalse();
    }

    @Test
    void refusesOverlongHostLabelsAndNames() {
        String label = "a".repeat(64);
        assertThatThrownBy(() -> StorageUris.parse("iscsi://" + label + "/luname.naa." + LU32))
                .hasMessageEndingWith("host name '" + label + "' has a label longer than 63 characters");
        String host = ("a".repeat(60) + ".").repeat(5) + "b";
        assertThatThrownBy(() -> StorageUris.parse("iscsi://" + host + "/luname.naa." + LU32))
                .hasMessageEndingWith("host name is 306 characters long; at most 253");
        String iqn = "iqn.2001-04.com.example:" + "x".repeat(200);
        assertThatThrownBy(() -> StorageUris.parse("iscsi:///target." + iqn + ",lun.0"))
                .hasMessageEndingWith("target name is " + iqn.length() + " characters long; iSCSI names have at most 223");
        assertThat(StorageUris.isValid("iscsi:///target." + iqn.substring(0, 223) + ",lun.0")).isTrue();
        assertThat(StorageUris.isValid("iscsi://" + "a".repeat(63) + "/luname.naa." + LU32)).isTrue();
    }

    /**
     * solaris-formats.md §3.1 quotes the 11.4 docs with {@code naa.501337600144f0dbf8af1900}: 24
     * digits, which no NAA format has (8 or 16 bytes). Taken as a typo in the docs, not a grammar.
     */
    @Test
    void refusesTheDocumentedSuspendUriWhoseNaaIdHas24Digits() {
        assertThatThrownBy(() -> StorageUris.parse("iscsi://system/luname.naa.501337600144f0dbf8af1900"))
                .hasMessageEndingWith(
                        ": 'luname.naa.501337600144f0dbf8af1900' is not a NAA identifier (16 or 32 hexadecimal digits)");
    }

    /** zonecfg templates hold %{zonename}-style tokens; they are not storage URIs until zonecfg expands them. */
    @Test
    void refusesUnexpandedZonecfgTemplates() {
        String text = "dev:/dev/zvol/dsk/%{global-rootzpool}/VARSHARE/zones/%{zonename}/disk%{id}";
        assertThatThrownBy(() -> StorageUris.parse(text))
                .hasMessageEndingWith(": character '%' at position 19 is not allowed in a storage URI");
    }
}
