package io.streamvane.ingress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The ingress pipeline and its guard are transport-independent plain Java over the model; the transports (HTTP,
 * Service Bus, the Notification API websocket) only hand bodies to the pipeline and know nothing of each other.
 */
@AnalyzeClasses(packages = "io.streamvane.ingress", importOptions = ImportOption.DoNotIncludeTests.class)
class IngressArchitectureTest {

    private static final String PIPELINE = "io.streamvane.ingress.pipeline..";
    private static final String GUARD = "io.streamvane.ingress.guard..";
    private static final String HTTP = "io.streamvane.ingress.http..";
    private static final String SERVICE_BUS = "io.streamvane.ingress.servicebus..";
    private static final String WEBSOCKET = "io.streamvane.ingress.websocket..";

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.streamvane.ingress.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule transportsDoNotDependOnEachOther = slices()
            .matching("io.streamvane.ingress.(http|servicebus|websocket)..")
            .should().notDependOnEachOther()
            .because("each transport is switched on alone and shares nothing with the others but the pipeline");

    @ArchTest
    static final ArchRule pipelineAndGuardKnowNoTransportAndNoWiring = noClasses()
            .that().resideInAnyPackage(PIPELINE, GUARD)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP, SERVICE_BUS, WEBSOCKET,
                    "io.streamvane.ingress.config..", "io.streamvane.ingress.ops..")
            .because("the transports call the pipeline, never the reverse, and its settings arrive as constructor "
                    + "arguments");

    @ArchTest
    static final ArchRule guardSitsBelowThePipeline = noClasses()
            .that().resideInAPackage(GUARD)
            .should().dependOnClassesThat().resideInAPackage(PIPELINE);

    @ArchTest
    static final ArchRule pipelineAndGuardArePlainJavaOverTheModel = classes()
            .that().resideInAnyPackage(PIPELINE, GUARD)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.sql..", "org.slf4j..",
                    "io.micrometer.core..", "io.streamvane.model..", PIPELINE, GUARD,
                    "org.springframework.dao..", "org.springframework.jdbc")
            .because("the only Spring they know is how a store failure is classified (StoreFailures)");

    @ArchTest
    static final ArchRule springWebOnlyInTheHttpAndWebsocketTransports = noClasses()
            .that().resideOutsideOfPackages(HTTP, WEBSOCKET)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule azureOnlyInTheServiceBusTransport = noClasses()
            .that().resideOutsideOfPackage(SERVICE_BUS)
            .should().dependOnClassesThat().resideInAPackage("com.azure..");

    @ArchTest
    static final ArchRule ingressDependsOnNoOtherServiceAndNoTestHarness = noClasses()
            .that().resideInAPackage("io.streamvane.ingress..")
            .should().dependOnClassesThat().resideInAnyPackage("io.streamvane.engine..",
                    "io.streamvane.scheduler..", "io.streamvane.egress..", "io.streamvane.standalone..",
                    "io.streamvane.simulator..", "io.streamvane.testsupport..")
            .because("services share only the model, the platform and the store");
}
