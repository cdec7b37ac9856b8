package dev.ticketingwarrior.edge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules every service's domain and features keep (STYLE 2 and 3), one definition for the three services'
 * architecture tests so that a framework banned from one domain is banned from all of them.
 */
public final class DomainRules {

    /**
     * Frameworks, clients and wire formats: what the adapters and the wiring use, never the domain. Micrometer is not
     * among them: like a logger it is a facade that a domain service may count its outcomes through.
     */
    private static final String[] FRAMEWORKS = {
        "org.springframework..",
        "jakarta..",
        "io.lettuce..",
        "org.redisson..",
        "reactor.netty..",
        "io.netty..",
        "software.amazon..",
        "io.awspring..",
        "java.sql..",
        "javax.sql..",
        "tools.jackson..",
        "com.fasterxml.jackson.."
    };

    /** The service edge's web code: problem answers and the WebFlux and servlet filters. */
    private static final String[] EDGE = {
        "dev.ticketingwarrior.edge.problem..",
        "dev.ticketingwarrior.edge.reactive..",
        "dev.ticketingwarrior.edge.servlet.."
    };

    private DomainRules() {}

    /** Classes in {@code domain} use no framework, client library or wire format. */
    public static ArchRule knowNoFramework(String... domain) {
        return noClasses()
                .that()
                .resideInAnyPackage(domain)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS);
    }

    /**
     * Classes in {@code domain} use no controller, no adapter ({@code adapters}, the service's technology packages) and
     * not the wiring ({@code config}): they are wired as plain objects and do not know it.
     */
    public static ArchRule doNotReachIntoTheEdge(String[] domain, String config, String... adapters) {
        List<String> edge = new ArrayList<>(List.of(adapters));
        edge.add("..web..");
        edge.add(config);
        edge.addAll(List.of(EDGE));
        return noClasses()
                .that()
                .resideInAnyPackage(domain)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(edge.toArray(String[]::new));
    }

    /**
     * No cycles between the features of {@code service} (its top-level packages). {@code config} wires every feature,
     * and the features read its properties: dependencies from it are wiring, not a cycle.
     */
    public static SliceRule featuresAreFreeOfCycles(String service, String config) {
        return slices().matching(service + ".(*)..")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(JavaClass.Predicates.resideInAPackage(config), DescribedPredicate.alwaysTrue());
    }

    /**
     * One feature's adapters ({@code service.<feature>.<technology>}) do not use another feature's: what two features
     * share is a domain type, or a key or format named where both may read it.
     */
    public static SliceRule adaptersKeepToTheirFeature(String service, String... technologies) {
        return slices().matching(service + ".(*).[" + String.join("|", technologies) + "]..")
                .should()
                .notDependOnEachOther();
    }

    /**
     * Controllers ({@code service}'s {@code web} packages) call the domain, never an adapter; adapters answer the
     * domain, never a controller.
     */
    public static ArchRule controllersAndAdaptersDoNotUseEachOther(String service, String... adapters) {
        String web = service + "..web..";
        return CompositeArchRule.of(noClasses()
                        .that()
                        .resideInAPackage(web)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(adapters))
                .and(noClasses()
                        .that()
                        .resideInAnyPackage(adapters)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(web));
    }
}
