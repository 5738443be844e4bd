package io.streamvane.model;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The model is plain Java: every service can use it, and its rules run without a container (STYLE.md §2). */
@AnalyzeClasses(packages = "io.streamvane.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ModelArchitectureTest {

    @ArchTest
    static final ArchRule modelDependsOnNeitherSpringNorJpa = noClasses()
            .that().resideInAPackage("io.streamvane.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..")
            .because("the shared model is plain Java; Spring and JPA live in the services' adapters");

    @ArchTest
    static final ArchRule modelDependsOnNoOtherStreamvaneModule = noClasses()
            .that().resideInAPackage("io.streamvane.model..")
            .should().dependOnClassesThat(resideInAPackage("io.streamvane..")
                    .and(resideOutsideOfPackage("io.streamvane.model..")))
            .because("every module depends on the model: services, the platform, the simulator and the test harness");

    @ArchTest
    static final ArchRule eventsDoNotDependOnTheStore = noClasses()
            .that().resideInAPackage("io.streamvane.model.event..")
            .should().dependOnClassesThat().resideInAPackage("io.streamvane.model.store..")
            .because("an event is parsed the same way whether or not it is ever stored");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.streamvane.model.(*)..")
            .should().beFreeOfCycles();
}
