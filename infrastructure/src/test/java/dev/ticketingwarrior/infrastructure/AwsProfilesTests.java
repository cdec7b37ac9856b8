package dev.ticketingwarrior.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code aws} profiles (the services' {@code application-aws.yml} and booking migrate's {@code migration-aws.yml})
 * against the task definitions this app synthesizes: SPEC §9 wants a missing secret to stop start-up and no dev
 * default ever used in AWS, so no secret import is optional, no placeholder has a default, and every variable a
 * profile reads is one its task definition sets.
 */
class AwsProfilesTests {

    /** One aws profile of a module and the task definition family that runs it. */
    record Profile(String name, TicketingService module, String file, String taskFamily) {

        static Profile of(TicketingService service) {
            return new Profile(service.id(), service, "application-aws.yml", service.taskFamily());
        }
    }

    /** {@code booking migrate}, run by the deploy before the rollout (ServicesStack's migration task). */
    private static final Profile BOOKING_MIGRATION = new Profile(
            Names.BOOKING_MIGRATION, TicketingService.BOOKING, "migration-aws.yml", Names.BOOKING_MIGRATION_FAMILY);

    /** The profiles that import secrets; bot-runner gets its two secrets straight from ECS. */
    private static final List<Profile> PROFILED =
            List.of(Profile.of(TicketingService.ADMISSION), Profile.of(TicketingService.BOOKING), BOOKING_MIGRATION);

    /** Every aws profile: the three services' and booking migrate's. */
    private static final List<Profile> ALL = List.of(
            Profile.of(TicketingService.ADMISSION),
            Profile.of(TicketingService.BOOKING),
            Profile.of(TicketingService.BOT_RUNNER),
            BOOKING_MIGRATION);

    private static final String NAMESPACE_VARIABLE = "MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** A variable a task definition's environment sets (its secrets are ValueFrom, checked where they are read). */
    private static final Pattern TASK_VARIABLE = Pattern.compile("\\{\"Name\":\"([A-Z][A-Z0-9_]*)\",\"Value\":");
    /** A placeholder with a default: {@code ${VARIABLE:default}}. */
    private static final Pattern LOCAL_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):");

    @Test
    void importsEverySecretWithoutOptional() {
        for (Profile profile : PROFILED) {
            List<String> imports = imports(profile);

            assertThat(imports)
                    .as(profile.name())
                    .isNotEmpty()
                    .allSatisfy(location -> assertThat(location).startsWith("aws-secretsmanager:"));
        }
    }

    @Test
    void givesNoPlaceholderADefaultThatCouldStandInForAMissingSetting() {
        for (Profile profile : ALL) {
            assertThat(placeholders(profile))
                    .as(profile.name())
                    .isNotEmpty()
                    .allSatisfy(placeholder -> assertThat(placeholder).doesNotContain(":"));
        }
    }

    @Test
    void readsOnlyVariablesItsTaskDefinitionSets() {
        for (Profile profile : ALL) {
            String taskDefinition = taskDefinition(profile);
            Set<String> variables = environmentVariables(profile);

            assertThat(variables).as(profile.name()).isNotEmpty();
            assertThat(variables)
                    .as(profile.name())
                    .allSatisfy(variable -> assertThat(taskDefinition).contains("\"Name\":\"" + variable + "\""));
        }
    }

    /**
     * A setting the task definition gives is one production must have: the aws profile reads it without a default, so
     * a task definition that stops giving it stops start-up instead of letting the laptop default of application.yml
     * (admission on loopback, loopback as the only trusted proxy) stand in.
     */
    @Test
    void readsWhatTheTaskDefinitionGivesWithoutTheLocalDefault() {
        for (TicketingService service : TicketingService.values()) {
            Profile profile = Profile.of(service);
            Set<String> given = new TreeSet<>();
            Matcher names = TASK_VARIABLE.matcher(taskDefinition(profile));
            while (names.find()) {
                given.add(names.group(1));
            }
            Set<String> withLocalDefault = new TreeSet<>();
            Matcher defaults = LOCAL_DEFAULT.matcher(file(service, "application.yml"));
            while (defaults.find()) {
                withLocalDefault.add(defaults.group(1));
            }
            withLocalDefault.retainAll(given);

            withLocalDefault.removeAll(environmentVariables(profile));

            assertThat(withLocalDefault)
                    .as(service.id() + ": given by its task definition, with a local default the aws profile keeps")
                    .isEmpty();
        }
    }

    /**
     * Booking's tasks sign in as the application user only and do not migrate the schema: they start while MySQL is
     * down, and the migration user's secret is not theirs to read (docs/decisions/0017).
     */
    @Test
    void signsBookingInAsTheApplicationUserOnlyAndLeavesTheSchemaToTheDeploy() {
        Map<String, Object> spring = map(profile(TicketingService.BOOKING).get("spring"));

        assertThat(imports(Profile.of(TicketingService.BOOKING)))
                .containsExactly("aws-secretsmanager:${TICKETING_DB_SECRET}?prefix=ticketing.db.");
        assertThat(map(spring.get("datasource")))
                .containsEntry("url", "${MYSQL_URL}")
                .containsEntry("username", "${ticketing.db.username}")
                .containsEntry("password", "${ticketing.db.password}");
        assertThat(map(spring.get("flyway"))).containsEntry("enabled", false);
        assertThat(placeholders(Profile.of(TicketingService.BOOKING)))
                .noneMatch(placeholder -> placeholder.toLowerCase(Locale.ROOT).contains("migration"));
    }

    @Test
    void migratesBookingsSchemaAsTheMigrationUserWithWhatTheMigrationTaskGives() {
        Map<String, Object> spring = map(profile(BOOKING_MIGRATION).get("spring"));

        assertThat(imports(BOOKING_MIGRATION))
                .containsExactly("aws-secretsmanager:${TICKETING_DB_MIGRATION_SECRET}?prefix=ticketing.db-migration.");
        assertThat(map(spring.get("datasource")))
                .containsEntry("url", "${MYSQL_URL}")
                .containsEntry("username", "${ticketing.db-migration.username}")
                .containsEntry("password", "${ticketing.db-migration.password}");
        assertThat(map(map(map(spring.get("cloud")).get("aws")).get("region")))
                .containsEntry("static", "${AWS_REGION}");
        assertThat(environmentVariables(BOOKING_MIGRATION))
                .containsExactlyInAnyOrder("MYSQL_URL", "TICKETING_DB_MIGRATION_SECRET", "AWS_REGION");
    }

    /**
     * ElastiCache refuses clients that do not sign in (DataStack's user group). Spring Boot takes the credentials from
     * {@code spring.data.redis.url} whenever a URL is set and then ignores {@code username} and {@code password}, so
     * in the aws profile the Lettuce services have no URL at all: the local one lives in a document for every other
     * profile.
     */
    @Test
    void signsInToValkeyOverTlsAsTheUserTheTaskDefinitionGives() {
        for (TicketingService service : List.of(TicketingService.ADMISSION, TicketingService.BOT_RUNNER)) {
            Map<String, Object> redis =
                    map(map(map(profile(service).get("spring")).get("data")).get("redis"));
            assertThat(redis)
                    .as(service.id())
                    .doesNotContainKey("url")
                    .containsEntry("host", "${REDIS_HOST}")
                    .containsEntry("port", "${REDIS_PORT}")
                    .containsEntry("username", "${REDIS_USERNAME}")
                    .containsEntry("password", "${REDIS_PASSWORD}")
                    .containsEntry("ssl", Map.of("enabled", true));

            List<Map<String, Object>> withUrl = documents(file(service, "application.yml")).stream()
                    .filter(document -> document.get("spring") instanceof Map<?, ?> spring
                            && spring.get("data") instanceof Map<?, ?> data
                            && data.get("redis") instanceof Map<?, ?> local
                            && local.containsKey("url"))
                    .toList();
            assertThat(withUrl).as(service.id()).hasSize(1);
            assertThat(map(map(map(withUrl.getFirst().get("spring")).get("config"))
                            .get("activate")))
                    .as(service.id())
                    .containsEntry("on-profile", "!aws");
        }
        Map<String, Object> booking =
                map(map(profile(TicketingService.BOOKING).get("ticketing")).get("redis"));
        assertThat(booking)
                .containsEntry("url", "rediss://${REDIS_HOST}:${REDIS_PORT}")
                .containsEntry("username", "${REDIS_USERNAME}")
                .containsEntry("password", "${REDIS_PASSWORD}");
    }

    @Test
    void neverLetsAdmissionSignWithADevKeyFile() {
        Map<String, Object> token =
                map(map(profile(TicketingService.ADMISSION).get("ticketing")).get("token"));

        assertThat(token).containsEntry("keys", "${TICKETING_TOKEN_KEYS}");
    }

    @Test
    void publishesMetricsToCloudWatchOnlyInTheAwsProfileUnderTheNamespaceTheTaskRoleMayWrite() {
        for (TicketingService service : TicketingService.values()) {
            Map<String, Object> export = cloudWatchExport(profile(service));
            assertThat(export).as(service.id()).containsEntry("enabled", true);
            assertThat(export).as(service.id()).containsEntry("namespace", "${" + NAMESPACE_VARIABLE + "}");

            // local runs and tests: off, and without a namespace Spring Cloud AWS creates no registry or AWS client
            Map<String, Object> defaults = cloudWatchExport(load(file(service, "application.yml")));
            assertThat(defaults).as(service.id()).containsEntry("enabled", false);
            assertThat(defaults).as(service.id()).doesNotContainKey("namespace");
        }
        SynthesizedApp prod = SynthesizedApp.prod();
        assertThat(SynthesizedApp.json(
                        prod.template(prod.stacks().services()).findResources("AWS::ECS::TaskDefinition")))
                .contains("{\"Name\":\"" + NAMESPACE_VARIABLE + "\",\"Value\":\"" + Names.METRICS_NAMESPACE + "\"}");
    }

    @Test
    void publishesTheConfirmationLagP99AndNoHistogramBucketsToCloudWatch() {
        for (TicketingService service : TicketingService.values()) {
            Map<String, Object> distribution = map(
                    map(map(profile(service).get("management")).get("metrics")).get("distribution"));
            assertThat(map(distribution.get("percentiles-histogram")))
                    .as(service.id())
                    .containsEntry("all", false);
        }
        Map<String, Object> booking =
                map(map(map(profile(TicketingService.BOOKING).get("management")).get("metrics"))
                        .get("distribution"));
        assertThat(map(booking.get("percentiles"))).containsEntry("ticketing.confirmation.lag", 0.99);
    }

    private static Map<String, Object> cloudWatchExport(Map<String, Object> config) {
        return map(map(map(map(config.get("management")).get("cloudwatch")).get("metrics"))
                .get("export"));
    }

    private static List<String> imports(Profile profile) {
        Object imports = map(map(profile(profile).get("spring")).get("config")).get("import");
        return imports instanceof List<?> list
                ? list.stream().map(Object::toString).toList()
                : List.of(String.valueOf(imports));
    }

    /** What stands between every {@code ${...}} of the profile, e.g. {@code MYSQL_URL} or {@code ticketing.db.password}. */
    private static List<String> placeholders(Profile profile) {
        Matcher matcher = PLACEHOLDER.matcher(text(profile));
        List<String> placeholders = new ArrayList<>();
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        return placeholders;
    }

    /** The placeholders that name environment variables (not properties such as {@code ticketing.db.password}). */
    private static Set<String> environmentVariables(Profile profile) {
        Set<String> variables = new TreeSet<>(placeholders(profile));
        variables.removeIf(name -> !ENVIRONMENT_VARIABLE.matcher(name).matches());
        return variables;
    }

    /** The synthesized task definition that runs the profile, as JSON. */
    private static String taskDefinition(Profile profile) {
        SynthesizedApp prod = SynthesizedApp.prod();
        return SynthesizedApp.json(prod.template(prod.stacks().services())
                .findResources(
                        "AWS::ECS::TaskDefinition", Map.of("Properties", Map.of("Family", profile.taskFamily()))));
    }

    private static Map<String, Object> profile(TicketingService service) {
        return profile(Profile.of(service));
    }

    private static Map<String, Object> profile(Profile profile) {
        return load(text(profile));
    }

    /** The first document of a (possibly multi-document) YAML file: the settings of every profile. */
    private static Map<String, Object> load(String yaml) {
        return map(new Yaml().loadAll(yaml).iterator().next());
    }

    private static String text(Profile profile) {
        return file(profile.module(), profile.file());
    }

    private static String file(TicketingService service, String name) {
        Path file = Path.of("..", service.id(), "src", "main", "resources", name);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(document -> documents.add(map(document)));
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
