package io.streamvane.engine;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The projection is pure over the model; finality, the inbox, replay and the settings source are plain classes on
 * top of it and of the shared store (model.store), independent of each other and wired in {@code config}; HTTP is the replay endpoint.
 */
@AnalyzeClasses(packages = "io.streamvane.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    private static final String PROJECTION = "io.streamvane.engine.projection..";
    private static final String CONFIG = "io.streamvane.engine.config..";
    private static final String[] CORE = {"io.streamvane.engine.finality..", "io.streamvane.engine.inbox..",
            "io.streamvane.engine.replay..", "io.streamvane.engine.settings..", PROJECTION};

    /** A {@code @RestController} or its {@code @RestControllerAdvice}, or a class nested in one. */
    private static final DescribedPredicate<JavaClass> HTTP_ENDPOINTS = DescribedPredicate.describe("HTTP endpoints",
            c -> outermost(c).isAnnotatedWith(RestController.class)
                    || outermost(c).isAnnotatedWith(RestControllerAdvice.class));

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.streamvane.engine.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule projectionIsPlainJavaOverTheModel = classes()
            .that().resideInAPackage(PROJECTION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..", "io.streamvane.model..",
                    PROJECTION)
            .because("folding a batch is pure and order-insensitive (SPEC §2): the harness drives it without Spring");

    @ArchTest
    static final ArchRule capabilitiesDoNotDependOnEachOther = slices()
            .matching("io.streamvane.engine.(finality|inbox|replay|settings)..")
            .should().notDependOnEachOther()
            .because("each shares only the projection and the store; the lifecycle in config orders them");

    @ArchTest
    static final ArchRule onlyTheApplicationKnowsTheWiring = noClasses()
            .that().resideOutsideOfPackages(CONFIG, "io.streamvane.engine")
            .should().dependOnClassesThat().resideInAPackage(CONFIG);

    @ArchTest
    static final ArchRule coreUsesSpringOnlyForJdbc = noClasses()
            .that().resideInAnyPackage(CORE).and(are(DescribedPredicate.not(HTTP_ENDPOINTS)))
            .should().dependOnClassesThat(resideInAPackage("org.springframework..")
                    .and(resideOutsideOfPackage("org.springframework.jdbc..")))
            .because("beans are declared in EngineConfiguration; a core class is one a test constructs");

    @ArchTest
    static final ArchRule springWebOnlyInHttpEndpoints = noClasses()
            .that(are(DescribedPredicate.not(HTTP_ENDPOINTS)))
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.http..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule engineDependsOnNoOtherServiceAndNoTestHarness = noClasses()
            .that().resideInAPackage("io.streamvane.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("io.streamvane.ingress..",
                    "io.streamvane.scheduler..", "io.streamvane.egress..", "io.streamvane.standalone..",
                    "io.streamvane.simulator..", "io.streamvane.testsupport..")
            .because("services share only the model, the platform and the store");

    private static JavaClass outermost(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
