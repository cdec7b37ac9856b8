package dev.ticketingwarrior.booking;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code booking migrate}: applies the schema's migrations ({@code db/migration}) to MySQL and exits, 0 when the
 * schema is current. In AWS the deploy runs it once, before the new tasks roll out, so that a booking task starts and
 * serves without MySQL (docs/decisions/0017). Only a data source and Flyway start: no web server, Redis, SQS or
 * schedules. Its settings are {@code migration.yml} and, in profile {@code aws}, {@code migration-aws.yml}.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
class BookingMigration {

    static final String COMMAND = "migrate";

    /** Migrates with these arguments ({@code --name=value}, as the service takes them); the exit code. */
    static int run(String... args) {
        // Flyway logs what it applied and the schema's version; the context is closed as soon as it has
        try (ConfigurableApplicationContext migrated = new SpringApplicationBuilder(BookingMigration.class)
                .main(BookingMigration.class)
                .properties("spring.config.name=migration")
                .run(args)) {
            return 0;
        } catch (RuntimeException e) {
            // Spring Boot has reported why (the failure analysis or the exception) before rethrowing it
            return 1;
        }
    }
}
