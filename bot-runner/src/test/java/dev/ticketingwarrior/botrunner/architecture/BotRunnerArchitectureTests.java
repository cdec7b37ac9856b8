package dev.ticketingwarrior.botrunner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.ticketingwarrior.botrunner", importOptions = ImportOption.DoNotIncludeTests.class)
class BotRunnerArchitectureTests {

    @ArchTest
    static final ArchRule domainKnowsNoSpringRedisOrHttpClient = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "io.lettuce..",
                    "org.redisson..",
                    "reactor.netty..",
                    "io.netty..",
                    "tools.jackson..",
                    "com.fasterxml.jackson..",
                    "io.micrometer..",
                    "software.amazon..");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoTheEdge = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..web..",
                    "..redis..",
                    "..http..",
                    "dev.ticketingwarrior.botrunner.config..",
                    "dev.ticketingwarrior.edge.problem..",
                    "dev.ticketingwarrior.edge.reactive..",
                    "dev.ticketingwarrior.edge.servlet..");

    @ArchTest
    static final ArchRule onlyRedisAdaptersAndWiringTalkToRedis = noClasses()
            .that()
            .resideOutsideOfPackages("..redis..", "dev.ticketingwarrior.botrunner.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..");

    @ArchTest
    static final ArchRule onlyTheHttpAdapterAndWiringUseTheHttpClient = noClasses()
            .that()
            .resideOutsideOfPackages("..bot.http..", "dev.ticketingwarrior.botrunner.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web.reactive.function.client..", "reactor.netty..");
}
