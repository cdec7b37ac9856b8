package dev.ticketingwarrior.infrastructure;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: {@code cdk synth -c env=dev|prod}. Stacks depend on each other only through their props records, in
 * this order: network and registry, data, services, edge and monitoring.
 */
public final class InfrastructureApp {

    /** Every stack of one environment, for the tests and for whoever reads this top-down. */
    record Stacks(
            EnvironmentSettings settings,
            NetworkStack network,
            RegistryStack registry,
            DataStack data,
            ServicesStack services,
            EdgeStack edge,
            MonitoringStack monitoring) {}

    private InfrastructureApp() {}

    public static void main(String[] args) {
        App app = new App();
        define(app);
        app.synth();
    }

    static Stacks define(App app) {
        EnvironmentSettings settings =
                EnvironmentSettings.fromContext(key -> app.getNode().tryGetContext(key));
        String prefix = "TicketingWarrior-" + settings.title() + "-";

        NetworkStack network =
                new NetworkStack(app, prefix + "Network", props(settings), new NetworkStack.Props(settings));
        RegistryStack registry = new RegistryStack(app, prefix + "Registry", props(settings));
        DataStack data =
                new DataStack(app, prefix + "Data", props(settings), new DataStack.Props(settings, network.network()));
        ServicesStack services = new ServicesStack(
                app,
                prefix + "Services",
                props(settings),
                new ServicesStack.Props(settings, network.network(), data.data(), registry.repositories()));
        EdgeStack edge = new EdgeStack(
                app,
                prefix + "Edge",
                props(settings),
                new EdgeStack.Props(
                        settings,
                        services.services().loadBalancer(),
                        services.services().originVerify()));
        MonitoringStack monitoring = new MonitoringStack(
                app,
                prefix + "Monitoring",
                props(settings),
                new MonitoringStack.Props(settings, data.data(), services.services()));

        Tags.of(app).add("project", "ticketing-warrior");
        Tags.of(app).add("environment", settings.name());
        // cdk-nag's AWS Solutions rules run on every synth; findings we accept are suppressed next to the resource
        Aspects.of(app)
                .add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));

        return new Stacks(settings, network, registry, data, services, edge, monitoring);
    }

    /**
     * The region is fixed per environment (ALB access logs need to know it at synth time); the account is the CLI's
     * when it has credentials, and left to CloudFormation otherwise, so synth works without any.
     */
    private static StackProps props(EnvironmentSettings settings) {
        return StackProps.builder()
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(settings.region())
                        .build())
                .description("Ticketing-Warrior " + settings.name())
                .terminationProtection(settings.retainData())
                .build();
    }
}
