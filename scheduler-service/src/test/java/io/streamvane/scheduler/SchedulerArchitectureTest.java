package io.streamvane.scheduler;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * One Genesys REST client at the bottom; each capability (reference sync, gap-fill, reconciliation, observations,
 * user aggregates, WFM intraday) on top of it and the store, independent of the others; the jobs that run them and
 * the admin API that triggers them at the edge.
 */
@AnalyzeClasses(packages = "io.streamvane.scheduler", importOptions = ImportOption.DoNotIncludeTests.class)
class SchedulerArchitectureTest {

    private static final String GENESYS = "io.streamvane.scheduler.genesys..";
    private static final String STORE = "io.streamvane.scheduler.store..";
    private static final String ADMIN = "io.streamvane.scheduler.admin..";
    private static final String JOBS = "io.streamvane.scheduler.jobs..";
    private static final String GAP_FILL = "io.streamvane.scheduler.gapfill..";
    private static final String RECONCILE = "io.streamvane.scheduler.reconcile..";
    private static final String[] CAPABILITIES = {"io.streamvane.scheduler.agents..", GAP_FILL,
            "io.streamvane.scheduler.observe..", RECONCILE, "io.streamvane.scheduler.reference..",
            "io.streamvane.scheduler.wfm.."};

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.streamvane.scheduler.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule genesysClientDependsOnNoOtherSchedulerPackage = noClasses()
            .that().resideInAPackage(GENESYS)
            .should().dependOnClassesThat(resideInAPackage("io.streamvane.scheduler..")
                    .and(resideOutsideOfPackage(GENESYS)))
            .because("rate budget, retries and the circuit breaker are shared by every caller and know none of them");

    @ArchTest
    static final ArchRule storeKnowsNoCapability = noClasses()
            .that().resideInAPackage(STORE)
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES)
            .orShould().dependOnClassesThat().resideInAnyPackage(ADMIN, JOBS);

    @ArchTest
    static final ArchRule storeReachesGenesysOnlyThroughTheAggregatesReader = noClasses()
            .that().resideInAPackage(STORE).and().doNotHaveSimpleName("QueueAggregates")
            .should().dependOnClassesThat().resideInAPackage(GENESYS)
            .because("the rest of the store is JDBC");

    @ArchTest
    static final ArchRule capabilitiesDoNotDependOnEachOther = slices()
            .matching("io.streamvane.scheduler.(agents|gapfill|observe|reconcile|reference|wfm)..")
            .should().notDependOnEachOther()
            .because("each is a job of its own; they share only the Genesys client and the store");

    @ArchTest
    static final ArchRule gapFillAndReconcileWorkOnStoreRowsNotOnTheWire = noClasses()
            .that().resideInAnyPackage(GAP_FILL, RECONCILE)
            .should().dependOnClassesThat().resideInAnyPackage(GENESYS, ADMIN, JOBS, "org.springframework.web..",
                    "org.springframework.http..")
            .because("store.QueueAggregates is the one place an aggregates response becomes interval rows, so both "
                    + "compare and fill the same rows");

    @ArchTest
    static final ArchRule jobsKnowNoCapability = noClasses()
            .that().resideInAPackage(JOBS)
            .should().dependOnClassesThat(resideInAPackage("io.streamvane.scheduler..")
                    .and(resideOutsideOfPackage(JOBS)))
            .because("JobRunner only locks and times a job; what each job runs is wired in SchedulerConfiguration");

    @ArchTest
    static final ArchRule nothingDependsOnTheAdminApi = noClasses()
            .that().resideOutsideOfPackage(ADMIN)
            .should().dependOnClassesThat().resideInAPackage(ADMIN);

    @ArchTest
    static final ArchRule httpServerOnlyInTheAdminApi = noClasses()
            .that().resideOutsideOfPackage(ADMIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.bind..",
                    "org.springframework.web.servlet..", "org.springframework.web.server..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule outboundHttpOnlyInTheGenesysClient = noClasses()
            .that().resideOutsideOfPackage(GENESYS)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.client..",
                    "org.springframework.http.client..", "java.net.http..")
            .because("every Genesys call must spend the shared rate budget and pass the circuit breaker");

    @ArchTest
    static final ArchRule schedulerDependsOnNoOtherServiceAndNoTestHarness = noClasses()
            .that().resideInAPackage("io.streamvane.scheduler..")
            .should().dependOnClassesThat().resideInAnyPackage("io.streamvane.ingress..", "io.streamvane.engine..",
                    "io.streamvane.egress..", "io.streamvane.standalone..", "io.streamvane.simulator..",
                    "io.streamvane.testsupport..")
            .because("services share only the model, the platform and the store");
}
