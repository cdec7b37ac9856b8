package dev.ticketingwarrior.admission.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ticketingwarrior.edge.architecture.DomainRules;

@AnalyzeClasses(packages = "dev.ticketingwarrior.admission", importOptions = ImportOption.DoNotIncludeTests.class)
class AdmissionArchitectureTests {

    private static final String[] DOMAIN = {"..domain.."};

    @ArchTest
    static final ArchRule domainKnowsNoFramework = DomainRules.knowNoFramework(DOMAIN);

    @ArchTest
    static final ArchRule onlyAdaptersTalkToRedis = noClasses()
            .that()
            .resideOutsideOfPackages("..redis..", "dev.ticketingwarrior.admission.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoTheEdge =
            DomainRules.doNotReachIntoTheEdge(DOMAIN, "dev.ticketingwarrior.admission.config..", "..redis..");
}
