package dev.ticketingwarrior.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so the Dockerfiles are checked by reading their instructions: multi-stage, built with
 * the wrapper on a JDK 21, layered jar, non-root JRE 21 runtime with a liveness health check on the service's port.
 */
class DockerfilesTests {

    private static final Path DOCKER = Path.of("docker");

    /** One instruction, with continuation lines joined and comments dropped. */
    record Instruction(String keyword, String arguments) {}

    @Test
    void buildsEachServiceWithTheWrapperOnAJdk21AndRunsItOnAJre21() {
        for (TicketingService service : TicketingService.values()) {
            List<Instruction> instructions = instructions(service);
            List<Instruction> froms = of(instructions, "FROM");

            assertThat(froms).as(service.id()).hasSize(2);
            assertThat(froms.get(0).arguments()).isEqualTo("eclipse-temurin:21-jdk AS build");
            assertThat(froms.get(1).arguments()).isEqualTo("eclipse-temurin:21-jre");
            assertThat(of(instructions, "RUN"))
                    .anyMatch(run -> run.arguments().contains("./mvnw")
                            && run.arguments().contains("-pl " + service.id() + " -am package"));
        }
    }

    @Test
    void extractsTheLayeredJarAndCopiesTheLayersIntoTheRuntime() {
        for (TicketingService service : TicketingService.values()) {
            List<Instruction> instructions = instructions(service);

            assertThat(of(instructions, "RUN"))
                    .as(service.id())
                    .anyMatch(run -> run.arguments()
                            .startsWith("java -Djarmode=tools -jar /workspace/app.jar extract --layers --launcher"));
            assertThat(runtimeStage(instructions).stream()
                            .filter(instruction -> instruction.keyword().equals("COPY"))
                            .map(Instruction::arguments)
                            .filter(copy -> copy.contains("/workspace/extracted/")))
                    .as(service.id())
                    .containsExactly(
                            "--from=build /workspace/extracted/dependencies/ ./",
                            "--from=build /workspace/extracted/spring-boot-loader/ ./",
                            "--from=build /workspace/extracted/snapshot-dependencies/ ./",
                            "--from=build /workspace/extracted/application/ ./");
            assertThat(of(instructions, "ENTRYPOINT"))
                    .singleElement()
                    .extracting(Instruction::arguments)
                    .isEqualTo("[\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
        }
    }

    @Test
    void bakesTheRdsCertificateAuthoritiesIntoBookingsTrustStoreForVerifiedTls() {
        List<Instruction> instructions = instructions(TicketingService.BOOKING);

        assertThat(of(instructions, "ADD"))
                .singleElement()
                .extracting(Instruction::arguments)
                .asString()
                .startsWith("https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem ");
        assertThat(of(instructions, "RUN"))
                .anyMatch(run -> run.arguments().contains("keytool -importcert")
                        && run.arguments().contains("-storetype PKCS12")
                        && run.arguments().contains("-storepass " + DataStack.RDS_TRUST_STORE_PASSWORD));
        // the store the runtime image holds is the one MYSQL_URL names
        assertThat(of(runtimeStage(instructions), "COPY"))
                .extracting(Instruction::arguments)
                .contains("--from=build /workspace/rds-ca.p12 " + DataStack.RDS_TRUST_STORE);
        for (TicketingService other : List.of(TicketingService.ADMISSION, TicketingService.BOT_RUNNER)) {
            assertThat(of(instructions(other), "ADD")).as(other.id()).isEmpty();
        }
    }

    @Test
    void runsAsANonRootUser() {
        for (TicketingService service : TicketingService.values()) {
            List<Instruction> users = of(runtimeStage(instructions(service)), "USER");

            assertThat(users).as(service.id()).hasSize(1);
            String user = users.get(0).arguments().split(":")[0];
            assertThat(user).as(service.id()).isNotIn("root", "0");
        }
    }

    @Test
    void exposesTheServicePortAndChecksLivenessOnIt() {
        for (TicketingService service : TicketingService.values()) {
            List<Instruction> runtime = runtimeStage(instructions(service));

            assertThat(of(runtime, "EXPOSE"))
                    .as(service.id())
                    .singleElement()
                    .extracting(Instruction::arguments)
                    .isEqualTo(Integer.toString(service.port()));
            assertThat(of(runtime, "HEALTHCHECK"))
                    .as(service.id())
                    .singleElement()
                    .extracting(Instruction::arguments)
                    .asString()
                    .contains("CMD curl -fsS http://localhost:" + service.port() + "/actuator/health/liveness");
        }
    }

    @Test
    void keepsBuildOutputAndGitOutOfTheBuildContext() throws IOException {
        for (TicketingService service : TicketingService.values()) {
            List<String> ignored = Files.readAllLines(DOCKER.resolve(service.id() + ".Dockerfile.dockerignore"));

            assertThat(ignored).as(service.id()).contains(".git", "**/target", "**/node_modules");
        }
    }

    private static List<Instruction> instructions(TicketingService service) {
        List<String> lines;
        try {
            lines = Files.readAllLines(DOCKER.resolve(service.id() + ".Dockerfile"));
        } catch (IOException e) {
            throw new AssertionError("missing Dockerfile for " + service.id(), e);
        }
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String joined = current.toString().replaceAll("\\s+", " ").strip();
            int space = joined.indexOf(' ');
            instructions.add(new Instruction(joined.substring(0, space).toUpperCase(), joined.substring(space + 1)));
            current.setLength(0);
        }
        return instructions;
    }

    private static List<Instruction> runtimeStage(List<Instruction> instructions) {
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        return instructions.subList(lastFrom, instructions.size());
    }

    private static List<Instruction> of(List<Instruction> instructions, String keyword) {
        return instructions.stream()
                .filter(instruction -> instruction.keyword().equals(keyword))
                .toList();
    }
}
