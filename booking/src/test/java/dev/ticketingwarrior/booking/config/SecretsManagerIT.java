package dev.ticketingwarrior.booking.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.ticketingwarrior.booking.support.BookingStack;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code aws} profile imports the DB credentials from Secrets Manager. A tiny local endpoint speaks the Secrets
 * Manager JSON protocol; the local defaults are deliberately wrong, so the app only reaches MariaDB with the secret.
 */
class SecretsManagerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theDataSourceUsesTheCredentialsFromSecretsManager() throws IOException {
        BookingStack world = BookingStack.get();
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer secrets = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        secrets.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            asked.add(target + " " + request.path("SecretId").asString());
            String secret = JSON.writeValueAsString(
                    Map.of("username", world.stack.mysqlUser(), "password", world.stack.mysqlPassword()));
            byte[] body = JSON.writeValueAsBytes(Map.of(
                    "ARN",
                    "arn:aws:secretsmanager:us-east-1:123456789012:secret:ticketing/db-AbCdEf",
                    "Name",
                    "ticketing/db",
                    "SecretString",
                    secret,
                    "VersionId",
                    "v1",
                    "VersionStages",
                    List.of("AWSCURRENT"),
                    "CreatedDate",
                    1.7e9));
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        secrets.start();
        Map<String, String> properties = new HashMap<>();
        properties.put(
                "spring.cloud.aws.secretsmanager.endpoint",
                "http://127.0.0.1:" + secrets.getAddress().getPort());
        properties.put("spring.datasource.username", null);
        properties.put("spring.datasource.password", null);
        properties.put("MYSQL_USER", "not-the-user");
        properties.put("MYSQL_PASSWORD", "not-the-password");
        properties.put("TICKETING_DB_SECRET", "ticketing/db");
        try (ConfigurableApplicationContext app = world.start(world.clock, properties, "aws")) {
            HikariDataSource dataSource = (HikariDataSource) app.getBean(DataSource.class);
            assertThat(dataSource.getUsername()).isEqualTo(world.stack.mysqlUser());
            assertThat(dataSource.getPassword()).isEqualTo(world.stack.mysqlPassword());
            String user = app.getBean(JdbcTemplate.class).queryForObject("SELECT CURRENT_USER()", String.class);
            assertThat(user).startsWith(world.stack.mysqlUser() + "@");
            assertThat(asked).contains("secretsmanager.GetSecretValue ticketing/db");
        } finally {
            secrets.stop(0);
        }
    }
}
