package dev.ticketingwarrior.booking.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ticketingwarrior.edge.architecture.DomainRules;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;

/**
 * The architecture is a test, by package as in admission: each feature is {@code domain} (rules and ports), {@code web}
 * (controllers) and one package per technology its adapters use ({@code redis}, {@code sqs}, {@code jdbc},
 * {@code http}, {@code freetts}); {@code config} wires them.
 */
@AnalyzeClasses(packages = "dev.ticketingwarrior.booking", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String BOOKING = "dev.ticketingwarrior.booking";
    private static final String CONFIG = BOOKING + ".config..";
    private static final String[] DOMAIN = {BOOKING + "..domain.."};

    private static final String WEB = BOOKING + "..web..";
    private static final String REDIS = BOOKING + "..redis..";
    private static final String SQS = BOOKING + "..sqs..";
    private static final String JDBC = BOOKING + "..jdbc..";
    private static final String FREETTS = BOOKING + "..freetts..";
    private static final String[] ADAPTERS = {REDIS, SQS, JDBC, BOOKING + "..http..", FREETTS};

    @ArchTest
    static final ArchRule domainKnowsNoFramework = DomainRules.knowNoFramework(DOMAIN);

    /** Domain objects are wired as plain objects in {@code config}: they do not know it, nor the edge. */
    @ArchTest
    static final ArchRule domainDoesNotReachIntoTheEdge =
            DomainRules.doNotReachIntoTheEdge(DOMAIN, CONFIG, REDIS, SQS, JDBC, BOOKING + "..http..", FREETTS);

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
    static final ArchRule onlyJdbcAdaptersTalkToTheDatabase = noClasses()
            .that()
            .resideOutsideOfPackages(JDBC, CONFIG)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..");

    /** Controllers call the domain, never an adapter; adapters answer the domain, never a controller. */
    @ArchTest
    static final ArchRule controllersDoNotUseAdapters = noClasses()
            .that()
            .resideInAPackage(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ADAPTERS);

    @ArchTest
    static final ArchRule adaptersDoNotUseControllers = noClasses()
            .that()
            .resideInAnyPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(WEB);

    /**
     * One feature's adapters do not reach into another's: what a sale's script writes for the debrief is named once in
     * {@code round.redis}, the keys every feature's scripts share.
     */
    @ArchTest
    static final ArchRule adaptersDoNotUseAnotherFeaturesAdapters = slices().matching(
                    BOOKING + ".(*).[redis|sqs|jdbc|http|freetts]..")
            .should()
            .notDependOnEachOther()
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

    /**
     * No cycles between features. {@code config} wires every feature and the features read its properties record
     * and circuit breakers: wiring is not a cycle.
     */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching(BOOKING + ".(*)..")
            .should()
            .beFreeOfCycles()
            .ignoreDependency(JavaClass.Predicates.resideInAPackage(CONFIG), DescribedPredicate.alwaysTrue());

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

    @Test
    void theSharedModulesDependOnNoService() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.ticketingwarrior.shared..", "dev.ticketingwarrior.edge..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        BOOKING + "..", "dev.ticketingwarrior.admission..", "dev.ticketingwarrior.botrunner..")
                .check(new ClassFileImporter()
                        .importPackages("dev.ticketingwarrior.shared", "dev.ticketingwarrior.edge"));
    }
}
