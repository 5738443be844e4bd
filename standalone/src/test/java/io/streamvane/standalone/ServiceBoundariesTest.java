package io.streamvane.standalone;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The services share only the model and the store: none may call into another, so each can run and scale alone.
 * This module is the one place that sees every service on its classpath, so the rule lives here.
 */
class ServiceBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.streamvane");
    }

    @Test
    void servicesDoNotDependOnEachOther() {
        slices().matching("io.streamvane.(ingress|engine|scheduler|egress)..")
                .should().notDependOnEachOther()
                .check(classes);
    }

    @Test
    void modelDependsOnNoService() {
        noClasses().that().resideInAPackage("io.streamvane.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.streamvane.ingress..", "io.streamvane.engine..",
                        "io.streamvane.scheduler..", "io.streamvane.egress..", "io.streamvane.standalone..")
                .check(classes);
    }

    @Test
    void noServiceDependsOnTheSingleProcessApp() {
        noClasses().that().resideInAnyPackage(
                        "io.streamvane.ingress..", "io.streamvane.engine..",
                        "io.streamvane.scheduler..", "io.streamvane.egress..")
                .should().dependOnClassesThat().resideInAPackage("io.streamvane.standalone..")
                .check(classes);
    }
}
