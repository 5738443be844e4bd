package io.streamvane.model;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The model is plain Java: every service can use it, and its rules run without a container (STYLE.md §2). */
@AnalyzeClasses(packages = "io.streamvane.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ModelArchitectureTest {

    @ArchTest
    static final ArchRule modelDependsOnNeitherSpringNorJpa = noClasses()
            .that().resideInAPackage("io.streamvane.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..")
            .because("the shared model is plain Java; Spring and JPA live in the services' adapters");
}
