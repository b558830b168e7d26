package org.kzmove.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated host stays in its sandbox: no real processes, real files only where documented. */
class SimulatorSandboxTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kzmove.sim");
    }

    @Test
    void theSimulatorNeverStartsARealProcess() {
        noClasses().that().resideInAPackage("org.kzmove.sim..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .orShould().callMethod(Runtime.class, "exec", String.class)
                .orShould().callMethod(Runtime.class, "exec", String[].class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.sshd.server.shell.ProcessShellFactory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.sshd.server.shell.InteractiveProcessShellFactory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.sshd.server.shell.ProcessShellCommandFactory")
                .because("the simulated host must never run a program of the machine it runs on")
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void onlyTheHostKeyAuthorisedKeysAndAuditTouchRealFiles() {
        // the host model (sim.host) may load scenario files; the shell and server layers may not
        noClasses().that().resideInAnyPackage("org.kzmove.sim.ssh..", "org.kzmove.sim.shell..",
                        "org.kzmove.sim.process..", "org.kzmove.sim.audit..", "org.kzmove.sim.command..",
                        "org.kzmove.sim.fs..", "org.kzmove.sim.clock..")
                .and().doNotHaveFullyQualifiedName("org.kzmove.sim.ssh.HostKeys")
                .and().doNotHaveFullyQualifiedName("org.kzmove.sim.ssh.AuthorizedKeys")
                .and().doNotHaveFullyQualifiedName("org.kzmove.sim.audit.CommandAudit")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                .because("everything else of the simulated host lives in its in-memory SimFileSystem")
                .allowEmptyShould(true)
                .check(production);
    }
}
