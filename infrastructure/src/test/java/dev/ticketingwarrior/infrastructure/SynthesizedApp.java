package dev.ticketingwarrior.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.constructs.IConstruct;

/**
 * The app synthesized from the real {@code cdk.json} context, once per environment per test JVM: a CDK synth in Java
 * drives a Node process through jsii and takes tens of seconds, so every test class shares these.
 */
final class SynthesizedApp {

    static final String CERTIFICATE_ARN =
            "arn:aws:acm:ap-northeast-2:111122223333:certificate/00000000-0000-0000-0000-000000000000";
    static final String API_ORIGIN_DOMAIN = "api.ticketing.example.com";

    private static final Map<String, SynthesizedApp> BY_ENV = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InfrastructureApp.Stacks stacks;
    private final CloudAssembly assembly;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    private SynthesizedApp(Map<String, Object> context) {
        App app = new App(AppProps.builder().context(context).build());
        this.stacks = InfrastructureApp.define(app);
        this.assembly = app.synth();
    }

    /** prod as deployed: with the certificate and the origin name that prod requires on the command line. */
    static SynthesizedApp prod() {
        return BY_ENV.computeIfAbsent(
                "prod",
                env -> new SynthesizedApp(context(Map.of(
                        "env",
                        "prod",
                        "certificateArn",
                        CERTIFICATE_ARN,
                        "apiOriginDomain",
                        API_ORIGIN_DOMAIN,
                        "alarmEmail",
                        "ops@example.com"))));
    }

    static SynthesizedApp dev() {
        return BY_ENV.computeIfAbsent("dev", env -> new SynthesizedApp(context(Map.of("env", "dev"))));
    }

    /** dev with a known surge scheduled, given as on the command line: {@code -c scheduledEvents=name|start|end|min}. */
    static SynthesizedApp devWithScheduledEvent() {
        return BY_ENV.computeIfAbsent(
                "dev-event",
                env -> new SynthesizedApp(context(Map.of(
                        "env", "dev", "scheduledEvents", "Launch|cron(50 11 ? * SAT *)|cron(0 14 ? * SAT *)|3"))));
    }

    /** The {@code context} block of cdk.json, with command-line style overrides on top. */
    static Map<String, Object> context(Map<String, Object> overrides) {
        Map<String, Object> context = new HashMap<>(cdkJsonContext());
        context.putAll(overrides);
        return context;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cdkJsonContext() {
        try {
            // JSON is YAML: no second parser needed
            Map<String, Object> cdkJson = new Yaml().load(Files.readString(Path.of("cdk.json")));
            return (Map<String, Object>) cdkJson.get("context");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InfrastructureApp.Stacks stacks() {
        return stacks;
    }

    Template template(Stack stack) {
        return templates.computeIfAbsent(stack.getStackName(), name -> Template.fromStack(stack));
    }

    List<SynthesisMessage> messages(Stack stack) {
        return assembly.getStackArtifact(stack.getArtifactId()).getMessages();
    }

    /** The logical id a construct's CloudFormation resource got in its stack. */
    static String logicalId(IConstruct construct) {
        CfnElement element = (CfnElement) construct.getNode().getDefaultChild();
        return Stack.of(construct).getLogicalId(element);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
