package dev.ticketingwarrior.booking.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.Credentials;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * In AWS the DB credentials come from Secrets Manager, which rotates the password: the pool re-reads the secret when
 * MySQL refuses its credentials ({@link RotatedCredentials}) instead of failing until a restart.
 */
@Configuration(proxyBeanMethods = false)
@Profile("aws")
class DatabaseCredentialsConfiguration {

    /** The same secret {@code application-aws.yml} imports the credentials from. */
    static final String SECRET_ID_ENV = "TICKETING_DB_SECRET";

    private static final Duration READ_AT_MOST_EVERY = Duration.ofSeconds(10);

    @Bean
    RotatedCredentials rotatedCredentials(
            DataSource dataSource, SecretsManagerClient secretsManager, Environment environment) throws SQLException {
        String secretId = environment.getRequiredProperty(SECRET_ID_ENV);
        JsonMapper json = JsonMapper.builder().build();
        return new RotatedCredentials(
                dataSource.unwrap(HikariDataSource.class),
                () -> {
                    JsonNode secret = json.readTree(secretsManager
                            .getSecretValue(b -> b.secretId(secretId))
                            .secretString());
                    return Credentials.of(
                            secret.path("username").asString(),
                            secret.path("password").asString());
                },
                READ_AT_MOST_EVERY,
                Clock.systemUTC());
    }
}
