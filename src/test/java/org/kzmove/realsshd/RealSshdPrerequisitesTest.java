package org.kzmove.realsshd;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Where the real-sshd host cannot run, its tests are skipped with the reason, except in CI, where they fail with it. */
class RealSshdPrerequisitesTest {
    static final Optional<String> NO_KSH = Optional.of("/usr/bin/ksh93 is missing (Debian package ksh)");

    @Test
    void aMissingPrerequisiteSkipsWithItsReason() {
        assertThatThrownBy(() -> RealSshdHost.requirePrerequisites(NO_KSH, null))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("/usr/bin/ksh93 is missing");
        assertThatThrownBy(() -> RealSshdHost.requirePrerequisites(NO_KSH, "false"))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aMissingPrerequisiteFailsWithItsReasonInCi() {
        assertThatThrownBy(() -> RealSshdHost.requirePrerequisites(NO_KSH, "true"))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("/usr/bin/ksh93 is missing", "CI=true");
    }

    @Test
    void nothingMissingRuns() {
        assertThatCode(() -> RealSshdHost.requirePrerequisites(Optional.empty(), "true")).doesNotThrowAnyException();
    }
}
