package org.kzmove.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole layering of docs/architecture.md in one rule, and no cycles between the features of the
 * console or the parts of the simulator. {@link LayeringTest} keeps the narrower rules (JavaFX,
 * standard streams, the FX bridge, the SSH server, tinylog).
 */
class LayersTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kzmove");
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Solaris").definedBy("org.kzmove.solaris..")
                .layer("Remote").definedBy("org.kzmove.remote..")
                .layer("Inventory").definedBy("org.kzmove.inventory..")
                .layer("Migration").definedBy("org.kzmove.migration..")
                .layer("Console").definedBy("org.kzmove.console..")
                .layer("Ui").definedBy("org.kzmove.ui..")
                .layer("App").definedBy("org.kzmove.app..")
                .layer("Cli").definedBy("org.kzmove.cli..")
                .layer("Sim").definedBy("org.kzmove.sim..")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("App").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Console").mayOnlyBeAccessedByLayers("Ui", "App", "Cli")
                .whereLayer("Migration").mayOnlyBeAccessedByLayers("Console", "Ui", "App", "Cli")
                .whereLayer("Inventory").mayOnlyBeAccessedByLayers("Migration", "Console", "Ui", "App", "Cli")
                .whereLayer("Remote").mayOnlyBeAccessedByLayers("Inventory", "Migration", "Console", "Ui", "App", "Cli")
                .whereLayer("Sim").mayOnlyBeAccessedByLayers("App", "Cli")
                .because("each layer is usable and testable without those above it: the engine without a console, "
                        + "the console's view models without the composition root, the simulated host without the "
                        + "client that talks to it (which only the composition roots, app and cli, start)")
                .check(production);
    }

    @Test
    void theSimulatorsPartsFormNoCycles() {
        slices().matching("org.kzmove.sim.(*)..").should().beFreeOfCycles()
                .because("the simulated host is built from the bottom up: clock and files, processes, commands, "
                        + "shell, host model, SSH server")
                .check(production);
    }
}
