package dev.ticketingwarrior.edge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The edge the three services share knows none of them. */
@AnalyzeClasses(packages = "dev.ticketingwarrior.edge", importOptions = ImportOption.DoNotIncludeTests.class)
class EdgeArchitectureTests {

    @ArchTest
    static final ArchRule edgeDependsOnNoService = noClasses()
            .that()
            .resideInAPackage("dev.ticketingwarrior.edge..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.ticketingwarrior.admission..",
                    "dev.ticketingwarrior.booking..",
                    "dev.ticketingwarrior.botrunner..");
}
