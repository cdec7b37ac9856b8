package dev.ticketingwarrior.shared.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.ticketingwarrior.shared", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedArchitectureTests {

    @ArchTest
    static final ArchRule sharedDependsOnNoService = noClasses()
            .that()
            .resideInAPackage("dev.ticketingwarrior.shared..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.ticketingwarrior.admission..",
                    "dev.ticketingwarrior.booking..",
                    "dev.ticketingwarrior.botrunner..");

    @ArchTest
    static final ArchRule sharedKnowsNoSpringRedisAwsOrJdbc = noClasses()
            .that()
            .resideInAPackage("dev.ticketingwarrior.shared..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "org.redisson..", "software.amazon..", "io.awspring..", "java.sql..");
}
