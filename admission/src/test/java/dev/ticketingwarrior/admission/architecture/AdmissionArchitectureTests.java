package dev.ticketingwarrior.admission.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ticketingwarrior.edge.architecture.DomainRules;

@AnalyzeClasses(packages = "dev.ticketingwarrior.admission", importOptions = ImportOption.DoNotIncludeTests.class)
class AdmissionArchitectureTests {

    private static final String ADMISSION = "dev.ticketingwarrior.admission";
    private static final String CONFIG = ADMISSION + ".config..";
    private static final String[] DOMAIN = {"..domain.."};
    private static final String[] ADAPTERS = {ADMISSION + "..redis..", ADMISSION + "..jwt.."};

    @ArchTest
    static final ArchRule domainKnowsNoFramework = DomainRules.knowNoFramework(DOMAIN);

    @ArchTest
    static final ArchRule onlyAdaptersTalkToRedis = noClasses()
            .that()
            .resideOutsideOfPackages("..redis..", CONFIG)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoTheEdge = DomainRules.doNotReachIntoTheEdge(DOMAIN, CONFIG, ADAPTERS);

    @ArchTest
    static final ArchRule controllersAndAdaptersDoNotUseEachOther =
            DomainRules.controllersAndAdaptersDoNotUseEachOther(ADMISSION, ADAPTERS);

    @ArchTest
    static final ArchRule adaptersKeepToTheirFeature =
            DomainRules.adaptersKeepToTheirFeature(ADMISSION, "redis", "jwt");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = DomainRules.featuresAreFreeOfCycles(ADMISSION, CONFIG);
}
