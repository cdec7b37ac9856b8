package dev.ticketingwarrior.admission.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.ticketingwarrior.admission", importOptions = ImportOption.DoNotIncludeTests.class)
class AdmissionArchitectureTests {

    @ArchTest
    static final ArchRule domainKnowsNoWebRedisOrAws = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "io.lettuce..",
                    "org.redisson..",
                    "software.amazon..",
                    "io.awspring..",
                    "java.sql..",
                    "jakarta.servlet..",
                    "tools.jackson..",
                    "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule onlyAdaptersTalkToRedis = noClasses()
            .that()
            .resideOutsideOfPackages("..redis..", "dev.ticketingwarrior.admission.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoTheEdge = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..web..",
                    "..redis..",
                    "dev.ticketingwarrior.admission.config..",
                    "dev.ticketingwarrior.edge.problem..",
                    "dev.ticketingwarrior.edge.reactive..",
                    "dev.ticketingwarrior.edge.servlet..");
}
