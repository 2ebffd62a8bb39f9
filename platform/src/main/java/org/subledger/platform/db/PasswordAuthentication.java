package org.subledger.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Makes a cluster ask every connection for a password (SCRAM), before its server is first started: a new cluster
 * (initdb leaves {@code trust}) and one created by an earlier ledger, when any local process could log in as the
 * superuser without one. The superuser's password is set in single-user mode, which needs no connection at all, so
 * the cluster never listens with {@code trust}.
 */
final class PasswordAuthentication {

    private static final Logger log = LoggerFactory.getLogger(PasswordAuthentication.class);

    static final String MARKER = "# subscription ledger: password authentication only";
    static final String HBA = MARKER + """

            # Written by the ledger at start-up; the generated passwords are in the *.pgpass files beside this one.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private PasswordAuthentication() {
    }

    static boolean enforced(Path dataDir) {
        try {
            var hba = dataDir.resolve("pg_hba.conf");
            return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(MARKER)
                    && DatabaseRole.exists(dataDir, DatabaseRole.SUPERUSER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Call with no server running on the data directory. */
    static void enforce(PostgresBinaries binaries, Path dataDir) {
        if (enforced(dataDir)) {
            return;
        }
        log.info("Switching {} to password authentication; the passwords are kept in {}", dataDir,
                DatabaseRole.file(dataDir, "*"));
        var superuser = DatabaseRole.readOrGenerate(dataDir, DatabaseRole.SUPERUSER);
        // exit_on_error: single-user mode would otherwise report a failed statement and still exit 0
        Programs.run(Duration.ofMinutes(2),
                "ALTER ROLE " + superuser.name() + " WITH PASSWORD '" + superuser.password() + "';\n",
                binaries.postgres("--single", "-D", dataDir.toString(),
                        "-c", "exit_on_error=on", "-c", "password_encryption=scram-sha-256", "postgres"));
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dataDir.resolve("pg_hba.conf"), e);
        }
    }
}
