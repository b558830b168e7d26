package org.kzmove.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.InvalidValueException;

class HostAddressTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            kzhost01,                    null,    kzhost01,       null
            ann@kzhost01,                ann,     kzhost01,       null
            ann@kzhost01.example.com:2222, ann,   kzhost01.example.com, 2222
            127.0.0.1:2222,              null,    127.0.0.1,      2222
            root@[fd00::1]:22,           root,    fd00::1,        22
            fd00::1,                     null,    fd00::1,        null
            """)
    void parsesUserAddressAndPort(String text, String user, String address, Integer port) throws Exception {
        assertThat(HostAddress.parse(text)).isEqualTo(new HostAddress(user, address, port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@host", "host:0", "host:65536", "host:22x", "[fd00::1", "[fd00::1]x", "a b",
            "host;reboot", "-oProxyCommand=x", "$(id)@host"})
    void refusesWhatIsNoHost(String text) {
        assertThatThrownBy(() -> {
            HostAddress a = HostAddress.parse(text);
            new org.kzmove.remote.profile.HostProfile("p", a.address(), a.port() == null ? 22 : a.port(),
                    a.user() == null ? "u" : a.user(), null, null).validated();
        }).isInstanceOf(InvalidValueException.class);
    }
}
