package io.streamvane.egress;

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
 * Every surface reads interval rows through {@code intervals}. The read surfaces (REST API, OData, wallboard) and
 * the push side (the delivery engine and its sinks) do not know each other; the delivery engine knows no sink, and
 * the sinks receive rows only as the engine's payloads.
 */
@AnalyzeClasses(packages = "io.streamvane.egress", importOptions = ImportOption.DoNotIncludeTests.class)
class EgressArchitectureTest {

    private static final String INTERVALS = "io.streamvane.egress.intervals..";
    private static final String DELIVERY = "io.streamvane.egress.delivery..";
    private static final String[] READ_SURFACES = {"io.streamvane.egress.api..", "io.streamvane.egress.odata..",
            "io.streamvane.egress.wallboard.."};
    private static final String[] SINKS = {"io.streamvane.egress.powerbi..", "io.streamvane.egress.rabbit..",
            "io.streamvane.egress.wfm..", "io.streamvane.egress.retention.."};

    /** A {@code @RestController} or its {@code @RestControllerAdvice}, or a class nested in one. */
    private static final DescribedPredicate<JavaClass> HTTP_ENDPOINTS = DescribedPredicate.describe("HTTP endpoints",
            c -> outermost(c).isAnnotatedWith(RestController.class)
                    || outermost(c).isAnnotatedWith(RestControllerAdvice.class));

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.streamvane.egress.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule intervalsIsTheReaderBelowEverySurface = classes()
            .that().resideInAPackage(INTERVALS)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.streamvane.model..",
                    "org.springframework.jdbc..", INTERVALS)
            .because("roll-up, zero-fill and finality are read once, the same way for every surface");

    @ArchTest
    static final ArchRule deliveryEngineKnowsNoSinkAndNoReadSurface = noClasses()
            .that().resideInAPackage(DELIVERY)
            .should().dependOnClassesThat().resideInAnyPackage(SINKS)
            .orShould().dependOnClassesThat().resideInAnyPackage(READ_SURFACES)
            .because("a sink plugs in as a SinkProvider bean; the engine's cursor, claims and retries are shared");

    @ArchTest
    static final ArchRule sinksDoNotDependOnEachOther = slices()
            .matching("io.streamvane.egress.(powerbi|rabbit|wfm|retention)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule sinksTakeRowsOnlyFromTheDeliveryEngine = noClasses()
            .that().resideInAnyPackage(SINKS)
            .should().dependOnClassesThat().resideInAnyPackage(READ_SURFACES)
            .orShould().dependOnClassesThat().resideInAPackage(INTERVALS)
            .because("a payload is built once, with its stable id, by the delivery engine");

    @ArchTest
    static final ArchRule readSurfacesDoNotDependOnThePushSide = noClasses()
            .that().resideInAnyPackage(READ_SURFACES)
            .should().dependOnClassesThat().resideInAnyPackage(SINKS)
            .orShould().dependOnClassesThat().resideInAPackage(DELIVERY);

    @ArchTest
    static final ArchRule springWebOnlyInTheReadSurfacesAndHttpEndpoints = noClasses()
            .that().resideOutsideOfPackages(READ_SURFACES).and(are(DescribedPredicate.not(HTTP_ENDPOINTS)))
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule egressDependsOnNoOtherServiceAndNoTestHarness = noClasses()
            .that().resideInAPackage("io.streamvane.egress..")
            .should().dependOnClassesThat().resideInAnyPackage("io.streamvane.ingress..", "io.streamvane.engine..",
                    "io.streamvane.scheduler..", "io.streamvane.standalone..", "io.streamvane.simulator..",
                    "io.streamvane.testsupport..")
            .because("services share only the model, the platform and the store");

    private static JavaClass outermost(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
