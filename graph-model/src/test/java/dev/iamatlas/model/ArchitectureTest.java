package dev.iamatlas.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of DESIGN.md for graph-model: a pure library, usable headless and offline. */
@AnalyzeClasses(packages = "dev.iamatlas.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelUsesNoUiToolkit = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
            .because("graph-model must run headless; only app's UI packages touch JavaFX");

    @ArchTest
    static final ArchRule modelUsesNoAwsSdk = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
            .because("graph-model works on snapshots, never on live AWS");

    @ArchTest
    static final ArchRule modelNeverWritesToStandardStreams = noClasses()
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("only the CLI writes to standard output");
}
