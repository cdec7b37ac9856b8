package dev.ticketingwarrior.booking.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ticketingwarrior.edge.architecture.DomainRules;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;

/**
 * The architecture is a test, by package as in admission: each feature is {@code domain} (rules and ports), {@code web}
 * (controllers) and one package per technology its adapters use ({@code redis}, {@code sqs}, {@code jdbc},
 * {@code http}, {@code freetts}, {@code resilience4j}); {@code config} wires them.
 */
@AnalyzeClasses(packages = "dev.ticketingwarrior.booking", importOptions = ImportOption.DoNotIncludeTests.class)
class BookingArchitectureTests {

    private static final String BOOKING = "dev.ticketingwarrior.booking";
    private static final String CONFIG = BOOKING + ".config..";
    private static final String[] DOMAIN = {BOOKING + "..domain.."};

    private static final String REDIS = BOOKING + "..redis..";
    private static final String SQS = BOOKING + "..sqs..";
    private static final String JDBC = BOOKING + "..jdbc..";
    private static final String FREETTS = BOOKING + "..freetts..";
    private static final String RESILIENCE4J = BOOKING + "..resilience4j..";
    private static final String[] ADAPTERS = {REDIS, SQS, JDBC, BOOKING + "..http..", FREETTS, RESILIENCE4J};

    @ArchTest
    static final ArchRule domainKnowsNoFramework = DomainRules.knowNoFramework(DOMAIN);

    /** Domain objects are wired as plain objects in {@code config}: they do not know it, nor the edge. */
    @ArchTest
    static final ArchRule domainDoesNotReachIntoTheEdge = DomainRules.doNotReachIntoTheEdge(DOMAIN, CONFIG, ADAPTERS);

    @ArchTest
    static final ArchRule onlyRedisAdaptersTalkToRedis = noClasses()
            .that()
            .resideOutsideOfPackages(REDIS, CONFIG)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.redisson..", "io.lettuce..", "org.springframework.data.redis..");

    @ArchTest
    static final ArchRule onlySqsAdaptersTalkToAws = noClasses()
            .that()
            .resideOutsideOfPackages(SQS, CONFIG)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon..", "io.awspring..");

    @ArchTest
    static final ArchRule onlyTheFreeTtsAdapterSpeaks = noClasses()
            .that()
            .resideOutsideOfPackages(FREETTS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.sun.speech..", "de.dfki..", "javax.sound..");

    @ArchTest
    static final ArchRule onlyTheCircuitBreakersUseResilience4j = noClasses()
            .that()
            .resideOutsideOfPackages(RESILIENCE4J, CONFIG)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.github.resilience4j..");

    @ArchTest
    static final ArchRule onlyJdbcAdaptersTalkToTheDatabase = noClasses()
            .that()
            .resideOutsideOfPackages(JDBC, CONFIG)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule controllersAndAdaptersDoNotUseEachOther =
            DomainRules.controllersAndAdaptersDoNotUseEachOther(BOOKING, ADAPTERS);

    /**
     * One feature's adapters do not reach into another's: what a sale's script writes for the debrief is named once in
     * {@code round.redis}, the keys several features' scripts share; every adapter calls through {@code outage}'s
     * circuit breakers.
     */
    @ArchTest
    static final ArchRule adaptersKeepToTheirFeature = DomainRules.adaptersKeepToTheirFeature(
                    BOOKING, "redis", "sqs", "jdbc", "http", "freetts")
            .ignoreDependency(
                    DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAPackage(BOOKING + ".round.redis.."));

    /** The confirmation message is the SQS adapters' wire format: the domain and Redis know the booking, not it. */
    @ArchTest
    static final ArchRule onlyTheSqsAdaptersKnowTheConfirmationMessage = noClasses()
            .that()
            .resideOutsideOfPackage(BOOKING + ".confirmation.sqs..")
            .should()
            .dependOnClassesThat()
            .haveSimpleName("BookingConfirmationMessage");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = DomainRules.featuresAreFreeOfCycles(BOOKING, CONFIG);

    @ArchTest
    static final ArchRule controllersAndConfigurationArePackagePrivate = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(Configuration.class)
            .should()
            .notBePublic();

    @ArchTest
    static final ArchRule adaptersArePackagePrivate = classes()
            .that()
            .resideInAnyPackage(ADAPTERS)
            .and()
            .areAnnotatedWith(Component.class)
            .should()
            .notBePublic();
}
