package io.streamvane.model.kpi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The KPI rules must land independently of the event model and stay free of frameworks, so every service (and a
 * replay tool) can call them with plain values.
 */
class KpiArchitectureTest {

    private static final JavaClasses KPI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.streamvane.model.kpi");

    @Test
    void kpiRulesDependOnlyOnTheJdkAndThemselves() {
        classes().that().resideInAPackage("io.streamvane.model.kpi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.streamvane.model.kpi..")
                .check(KPI);
    }
}
