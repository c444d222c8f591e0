package dev.iamatlas.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of DESIGN.md for the program: only the UI packages touch JavaFX, the scanner
 * and the CLI never import UI code, and only the CLI writes to standard output.
 */
@AnalyzeClasses(packages = "dev.iamatlas.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyUiTouchesJavaFx = noClasses()
            .that().resideOutsideOfPackage("dev.iamatlas.app.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..", "org.kordamp..")
            .because("JavaFX stays in the UI packages; the CLI and scanner run headless");

    @ArchTest
    static final ArchRule nothingOutsideUiImportsUi = noClasses()
            .that().resideOutsideOfPackage("dev.iamatlas.app.ui..")
            .and().doNotHaveFullyQualifiedName("dev.iamatlas.app.cli.GuiLauncher")
            .should().dependOnClassesThat().resideInAPackage("dev.iamatlas.app.ui..")
            .because("the scanner, CLI and exporters never import UI code (GuiLauncher only starts the window, reflectively free of JavaFX types)");

    @ArchTest
    static final ArchRule onlyCliWritesToStandardOutput = noClasses()
            .that().resideOutsideOfPackage("dev.iamatlas.app.cli..")
            .and().doNotHaveFullyQualifiedName("dev.iamatlas.app.Main")
            .should().accessField(System.class, "out")
            .because("only the CLI writes to standard output")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.iamatlas.app.(*)..")
            .should().beFreeOfCycles()
            .because("services depend one way: report (files for both front ends) on explore (what the app shows)"
                    + " on diagram (layout and painting); cli and ui on all of them");

    @ArchTest
    static final ArchRule scannerIsIndependentOfTheCli = noClasses()
            .that().resideInAPackage("dev.iamatlas.app.scan..")
            .should().dependOnClassesThat().resideInAPackage("dev.iamatlas.app.cli..")
            .because("the scanner is a service that both front ends call")
            .allowEmptyShould(true);
}
