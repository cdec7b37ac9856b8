package dev.ticketingwarrior.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.confirmation.sqs.BookingConfirmationMessage;
import dev.ticketingwarrior.edge.testing.LocalSecretsManager;
import dev.ticketingwarrior.localstack.Component;
import dev.ticketingwarrior.localstack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code booking migrate}, the deploy's step before new tasks start (docs/decisions/0017), against the real local
 * MariaDB: it builds the schema in an empty database, has nothing to do the second time, signs in as the migration user
 * from Secrets Manager in the aws profile, and fails (exit code 1) instead of waiting for good when MySQL does not
 * answer, so that a deploy stops before rolling out tasks whose schema is missing.
 */
class BookingMigrationIT {

    private final LocalStack stack = LocalStack.shared(Component.MYSQL);

    @Test
    void buildsTheSchemaInAnEmptyDatabaseAndThenHasNothingToDo() {
        String database = "migration_it_" + UUID.randomUUID().toString().substring(0, 8);
        String url = stack.createDatabase(database);

        assertThat(BookingMigration.run(local(url))).isZero();
        JdbcTemplate jdbc = jdbc(url);
        assertThat(jdbc.queryForList(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                        String.class,
                        database))
                .contains("bookings", "flyway_schema_history");
        int applied = applied(jdbc);
        assertThat(applied).isEqualTo(migrations());
        // a confirmation is refused as poison by the same widths the rows have
        for (String table : List.of("bookings", "rejected_bookings")) {
            BookingConfirmationMessage.COLUMN_WIDTHS.forEach((column, width) -> assertThat(jdbc.queryForObject(
                            "SELECT character_maximum_length FROM information_schema.columns"
                                    + " WHERE table_schema = ? AND table_name = ? AND column_name = ?",
                            Integer.class,
                            database,
                            table,
                            column))
                    .as(table + "." + column)
                    .isEqualTo(width));
        }

        assertThat(BookingMigration.run(local(url))).isZero();
        assertThat(applied(jdbc)).isEqualTo(applied);
    }

    @Test
    void signsInAsTheMigrationUserFromSecretsManagerInTheAwsProfile() {
        String database = "migration_aws_it_" + UUID.randomUUID().toString().substring(0, 8);
        String url = stack.createDatabase(database);
        try (LocalSecretsManager secrets = LocalSecretsManager.start()) {
            secrets.put(
                    "ticketing/db-flyway", Map.of("username", stack.mysqlUser(), "password", stack.mysqlPassword()));

            int exit = BookingMigration.run(
                    "--spring.profiles.active=aws",
                    // the local MariaDB has no TLS; Aurora's URL carries its trust store (infrastructure/README.md)
                    "--MYSQL_URL=" + url + "?sslMode=DISABLED",
                    "--TICKETING_DB_MIGRATION_SECRET=ticketing/db-flyway",
                    "--AWS_REGION=" + LocalStack.REGION,
                    "--spring.cloud.aws.secretsmanager.endpoint=" + secrets.endpoint(),
                    "--spring.cloud.aws.credentials.access-key=" + LocalStack.ACCESS_KEY,
                    "--spring.cloud.aws.credentials.secret-key=" + LocalStack.SECRET_KEY);

            assertThat(exit).isZero();
            assertThat(secrets.asked()).containsOnly("secretsmanager.GetSecretValue ticketing/db-flyway");
            assertThat(applied(jdbc(url))).isEqualTo(migrations());
        }
    }

    @Test
    void failsWhenMysqlDoesNotAnswerInsteadOfWaitingForGood() {
        int exit = BookingMigration.run(
                "--MYSQL_URL=jdbc:mysql://127.0.0.1:9/ticketing",
                "--spring.flyway.connect-retries=1",
                "--spring.flyway.connect-retries-interval=1s");

        assertThat(exit).isEqualTo(1);
    }

    private String[] local(String url) {
        return new String[] {
            "--MYSQL_URL=" + url, "--MYSQL_USER=" + stack.mysqlUser(), "--MYSQL_PASSWORD=" + stack.mysqlPassword()
        };
    }

    private JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url, stack.mysqlUser(), stack.mysqlPassword()));
    }

    private static int applied(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL", Integer.class);
    }

    private static int migrations() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
