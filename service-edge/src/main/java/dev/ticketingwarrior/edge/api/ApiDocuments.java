package dev.ticketingwarrior.edge.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The services' OpenAPI documents as checked in under {@code docs/api/}: a service's tests compare what it serves at
 * {@code /v3/api-docs} with its file, so the documented API cannot drift from the code. The comparison is on a
 * canonical form (keys sorted, the test server's random URL left out). {@code -Dapi-docs.write=true} rewrites the
 * file instead; so does a first run without one, outside CI.
 */
public final class ApiDocuments {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ApiDocuments() {}

    /** What is wrong with the checked-in document of {@code service}, empty when it matches {@code served}. */
    public static List<String> check(String service, String served) {
        Path file = repositoryRoot().resolve("docs/api/" + service + ".json");
        String canonical = canonical(served);
        boolean write = Boolean.getBoolean("api-docs.write") || (!Files.exists(file) && System.getenv("CI") == null);
        try {
            if (write) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, canonical, StandardCharsets.UTF_8);
                return List.of();
            }
            if (!Files.exists(file)) {
                return List.of(file + " is missing");
            }
            if (!Files.readString(file, StandardCharsets.UTF_8).equals(canonical)) {
                List<String> problems = new ArrayList<>();
                problems.add(file + " is not what " + service + " serves at /v3/api-docs; if the change is meant,"
                        + " run ./mvnw verify -pl " + service + " -Dapi-docs.write=true and commit the file");
                return problems;
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code json} with every object's keys sorted and without {@code servers}, two-space indented. */
    public static String canonical(String json) {
        JsonNode tree = JSON.readTree(json);
        if (tree instanceof ObjectNode root) {
            root.remove("servers");
        }
        return JSON.writeValueAsString(sorted(tree)) + "\n";
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            node.properties().forEach(entry -> map.put(entry.getKey(), sorted(entry.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(sorted(element)));
            return list;
        }
        return node;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "not inside the repository: no mvnw above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
