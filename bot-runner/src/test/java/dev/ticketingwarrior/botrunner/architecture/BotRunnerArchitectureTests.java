package dev.ticketingwarrior.botrunner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ticketingwarrior.edge.architecture.DomainRules;

@AnalyzeClasses(packages = "dev.ticketingwarrior.botrunner", importOptions = ImportOption.DoNotIncludeTests.class)
class BotRunnerArchitectureTests {

    private static final String[] DOMAIN = {"..domain.."};

    @ArchTest
    static final ArchRule domainKnowsNoFramework = DomainRules.knowNoFramework(DOMAIN);

    @ArchTest
    static final ArchRule domainDoesNotReachIntoTheEdge = DomainRules.doNotReachIntoTheEdge(
            DOMAIN, "dev.ticketingwarrior.botrunner.config..", "..redis..", "..http..");

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
