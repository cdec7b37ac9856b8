package dev.ticketingwarrior.booking.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.Credentials;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
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
    static BeanPostProcessor rotatedDatabaseCredentials(
            ObjectProvider<SecretsManagerClient> secretsManager, Environment environment) {
        String secretId = environment.getProperty(SECRET_ID_ENV, "ticketing/db");
        JsonMapper json = JsonMapper.builder().build();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof HikariDataSource pool)) {
                    return bean;
                }
                return new RotatedCredentials(
                        pool,
                        () -> {
                            JsonNode secret = json.readTree(secretsManager
                                    .getObject()
                                    .getSecretValue(b -> b.secretId(secretId))
                                    .secretString());
                            return Credentials.of(
                                    secret.path("username").asString(),
                                    secret.path("password").asString());
                        },
                        READ_AT_MOST_EVERY,
                        Clock.systemUTC());
            }
        };
    }
}
