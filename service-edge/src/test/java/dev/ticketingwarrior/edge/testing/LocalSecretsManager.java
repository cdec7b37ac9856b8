package dev.ticketingwarrior.edge.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny endpoint on loopback that speaks the Secrets Manager JSON protocol ({@code X-Amz-Target:
 * secretsmanager.GetSecretValue}), for the tests of the services' {@code aws} profiles: it knows only the secrets a
 * test {@link #put}s (any other id is a {@code ResourceNotFoundException}, as in AWS), and records what it was asked,
 * so a test sees which secrets a profile read.
 */
public final class LocalSecretsManager implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private LocalSecretsManager(HttpServer server) {
        this.server = server;
    }

    public static LocalSecretsManager start() {
        try {
            LocalSecretsManager endpoint =
                    new LocalSecretsManager(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            endpoint.server.createContext("/", endpoint::getSecretValue);
            endpoint.server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The secret {@code id} holds {@code value} (its JSON keys and strings) from now on. */
    public void put(String id, Map<String, String> value) {
        secrets.put(id, Map.copyOf(value));
    }

    /** For {@code spring.cloud.aws.secretsmanager.endpoint}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The calls so far, each as "target secret-id", e.g. {@code secretsmanager.GetSecretValue ticketing/db}. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void getSecretValue(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String id = request.path("SecretId").asString();
        asked.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + id);
        Map<String, String> secret = secrets.get(id);
        byte[] body;
        int status;
        if (secret == null) {
            status = 400;
            exchange.getResponseHeaders().set("X-Amzn-ErrorType", "ResourceNotFoundException");
            body = JSON.writeValueAsBytes(Map.of(
                    "__type",
                    "ResourceNotFoundException",
                    "message",
                    "Secrets Manager can't find the specified secret."));
        } else {
            status = 200;
            body = JSON.writeValueAsBytes(Map.of(
                    "ARN",
                    "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + id + "-AbCdEf",
                    "Name",
                    id,
                    "SecretString",
                    JSON.writeValueAsString(secret),
                    "VersionId",
                    "v1",
                    "VersionStages",
                    List.of("AWSCURRENT"),
                    "CreatedDate",
                    1.7e9));
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
