package org.kzmove.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md, enforced. Each rule says why. */
class LayeringTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kzmove");
    }

    @Test
    void solarisModelIsPureJava() {
        classes().that().resideInAPackage("org.kzmove.solaris..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.kzmove.solaris..", "java..")
                .because("the Solaris model and parsers are shared by the console, the CLI and the simulator, "
                        + "and must stay testable without SSH, JavaFX, JSON or logging")
                .check(production);
    }

    @Test
    void simulatorNeverDependsOnTheConsoleOrTheClient() {
        noClasses().that().resideInAPackage("org.kzmove.sim..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.kzmove.ui..", "org.kzmove.remote..", "org.kzmove.migration..", "org.kzmove.inventory..",
                        "javafx..", "net.schmizz..", "com.hierynomus..")
                .because("the simulated host is a product component standing in for a Solaris host; "
                        + "it must not know the client that talks to it")
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void onlyTheUserInterfaceTouchesJavaFxScenes() {
        noClasses().that().resideOutsideOfPackage("org.kzmove.ui..")
                // The composition root is handed the primary Stage by JavaFX and puts the main view in it
                // (decision 0009); it builds no controls of its own.
                .and().haveNameNotMatching("org\\.kzmove\\.app\\.KzmoveApplication(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("engine, simulator and CLI must run headless and be testable without a display")
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void viewModelsTouchNoControlsOrWindows() {
        noClasses().that().resideInAPackage("org.kzmove.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("a view model exposes properties and commands only, so it is tested without a display "
                        + "and the view stays the one place that knows nodes, windows and dialogs")
                .check(production);
    }

    @Test
    void onlyTheFxBridgeHopsToTheFxThread() {
        noClasses().that().doNotHaveFullyQualifiedName("org.kzmove.ui.common.FxBridge")
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .because("one class hops to the FX thread and coalesces streams there; scattered runLater calls "
                        + "flood the FX queue and hide which thread a callback runs on")
                .check(production);
    }

    @Test
    void onlyTheSimulatorUsesTheSshServer() {
        noClasses().that().resideOutsideOfPackage("org.kzmove.sim..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.sshd.server..")
                .because("the embedded SSH server exists only to serve the simulated host")
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void standardStreamsOnlyInTheCommandLineLayer() {
        noClasses().that().resideOutsideOfPackage("org.kzmove.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("output for people goes through the CLI or the UI; everything else logs")
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void onlyTheLoggingSetupTouchesTinylogsImplementation() {
        noClasses().that().resideOutsideOfPackages("org.kzmove.app..", "org.kzmove.remote.audit..")
                .should().dependOnClassesThat().resideInAPackage("org.tinylog.core..")
                .orShould().dependOnClassesThat().resideInAPackage("org.tinylog.writers..")
                .because("code logs through the tinylog API; configuration lives in one place")
                .allowEmptyShould(true)
                .check(production);
    }
}
