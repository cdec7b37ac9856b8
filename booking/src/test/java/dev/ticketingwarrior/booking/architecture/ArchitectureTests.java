package dev.ticketingwarrior.booking.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** The architecture is a test: domain code knows no Redis, SQS, JDBC or web; adapters are named after technology. */
class ArchitectureTests {

    private static final JavaClasses BOOKING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ticketingwarrior.booking");

    private static final String[] TECHNOLOGY = {
        "org.redisson..", "software.amazon..", "io.awspring..", "org.springframework.jdbc..", "java.sql..",
    };

    @Test
    void domainCodeDependsOnNoInfrastructure() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("dev.ticketingwarrior.booking..")
                .and()
                .resideOutsideOfPackage("..config..")
                .and()
                .haveSimpleNameNotStartingWith("Redis")
                .and()
                .haveSimpleNameNotStartingWith("Redisson")
                .and()
                .haveSimpleNameNotStartingWith("Sqs")
                .and()
                .haveSimpleNameNotStartingWith("Jdbc")
                .and()
                .haveSimpleNameNotEndingWith("Listener")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(TECHNOLOGY)
                .because("ports are named after capabilities, only adapters named after a technology touch it");
        rule.check(BOOKING);
    }

    @Test
    void servicesAndPortsKnowNoSpringWeb() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Service")
                .or()
                .haveSimpleNameEndingWith("Queries")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .check(BOOKING);
    }

    @Test
    void adaptersAndControllersArePackagePrivate() {
        classes()
                .that()
                .haveSimpleNameStartingWith("Redis")
                .or()
                .haveSimpleNameStartingWith("Jdbc")
                .or()
                .haveSimpleNameStartingWith("Sqs")
                .or()
                .haveSimpleNameEndingWith("Controller")
                .and()
                .resideOutsideOfPackage("..config..")
                .should()
                .notBePublic()
                .check(BOOKING);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        SlicesRuleDefinition.slices()
                .matching("dev.ticketingwarrior.booking.(*)..")
                .should()
                .beFreeOfCycles()
                // config wires every feature and features read its properties record: wiring is not a cycle
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("..config.."), DescribedPredicate.alwaysTrue())
                .check(BOOKING);
    }

    @Test
    void theSharedModuleDependsOnNoService() {
        noClasses()
                .that()
                .resideInAPackage("dev.ticketingwarrior.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ticketingwarrior.booking..")
                .check(new ClassFileImporter().importPackages("dev.ticketingwarrior.shared"));
    }
}
