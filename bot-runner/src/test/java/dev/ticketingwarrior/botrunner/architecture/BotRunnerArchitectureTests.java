package dev.ticketingwarrior.botrunner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ticketingwarrior.edge.architecture.DomainRules;

@AnalyzeClasses(packages = "dev.ticketingwarrior.botrunner", importOptions = ImportOption.DoNotIncludeTests.class)
class BotRunnerArchitectureTests {

    private static final String BOT_RUNNER = "dev.ticketingwarrior.botrunner";
    private static final String CONFIG = BOT_RUNNER + ".config..";
    private static final String[] DOMAIN = {"..domain.."};
    private static final String[] ADAPTERS = {BOT_RUNNER + "..redis..", BOT_RUNNER + "..http.."};

    @ArchTest
    static final ArchRule domainKnowsNoFramework = DomainRules.knowNoFramework(DOMAIN);

    @ArchTest
    static final ArchRule domainDoesNotReachIntoTheEdge = DomainRules.doNotReachIntoTheEdge(DOMAIN, CONFIG, ADAPTERS);

    @ArchTest
    static final ArchRule controllersAndAdaptersDoNotUseEachOther =
            DomainRules.controllersAndAdaptersDoNotUseEachOther(BOT_RUNNER, ADAPTERS);

    @ArchTest
    static final ArchRule adaptersKeepToTheirFeature =
            DomainRules.adaptersKeepToTheirFeature(BOT_RUNNER, "redis", "http");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = DomainRules.featuresAreFreeOfCycles(BOT_RUNNER, CONFIG);

    @ArchTest
    static final ArchRule onlyRedisAdaptersAndWiringTalkToRedis = noClasses()
            .that()
            .resideOutsideOfPackages("..redis..", CONFIG)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..");

    @ArchTest
    static final ArchRule onlyTheHttpAdapterAndWiringUseTheHttpClient = noClasses()
            .that()
            .resideOutsideOfPackages("..bot.http..", CONFIG)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web.reactive.function.client..", "reactor.netty..");
}
