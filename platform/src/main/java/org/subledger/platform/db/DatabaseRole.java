package org.subledger.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * A login role of the embedded cluster and its generated password, kept in {@code <data dir>/<role>.pgpass}: one line
 * in PostgreSQL's password-file format ({@code *:*:*:role:password}), readable by its owner only, so that
 * {@code PGPASSFILE=<that file> psql -h 127.0.0.1 -p <port> -U <role> postgres} logs in without typing it.
 */
public record DatabaseRole(String name, String password) {

    /** The cluster's superuser, created by initdb; only the ledger's own start-up uses it. */
    public static final String SUPERUSER = "postgres";
    /** Owns the ledger's schema; what the ledger connects as. Not a superuser. */
    public static final String LEDGER = "ledger";
    /** Reads everything and writes nothing: for reporting tools reading the projections directly. */
    public static final String REPORTING = "reporting";
    /** Reads the views of the {@code reporting} schema and nothing else (docs/reporting.md). */
    public static final String REPORTING_VIEWS = "ledger_reporting";

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();

    public static Path file(Path dataDir, String role) {
        return dataDir.resolve(role + ".pgpass");
    }

    /** The role's password from its file, generated (and the file written) the first time. */
    public static DatabaseRole readOrGenerate(Path dataDir, String role) {
        var file = file(dataDir, role);
        try {
            if (Files.exists(file)) {
                if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                }
                return new DatabaseRole(role, parse(Files.readString(file, StandardCharsets.UTF_8).strip(), file));
            }
            var generated = new DatabaseRole(role, generatePassword());
            var written = Files.createTempFile(dataDir, role, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(written, "*:*:*:" + role + ":" + generated.password + "\n", StandardCharsets.UTF_8);
            Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the password of role " + role + " in " + file, e);
        }
    }

    /** The role with a configured password, which its file then holds (replacing a generated one). */
    public static DatabaseRole configured(Path dataDir, String role, String password) {
        if (password.isBlank() || password.contains("'") || password.contains(":") || password.contains("\n")) {
            throw new IllegalArgumentException("The password of role " + role
                    + " must not be blank nor hold a quote, a colon or a line break");
        }
        var file = file(dataDir, role);
        try {
            var written = Files.createTempFile(dataDir, role, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(written, "*:*:*:" + role + ":" + password + "\n", StandardCharsets.UTF_8);
            Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return new DatabaseRole(role, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the password of role " + role + " in " + file, e);
        }
    }

    public static boolean exists(Path dataDir, String role) {
        return Files.exists(file(dataDir, role));
    }

    /** URL-safe Base64: no character that needs quoting in SQL, in a password file or in a JDBC URL. */
    static String generatePassword() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String parse(String line, Path file) {
        String[] fields = line.split(":", 5);
        if (fields.length != 5 || fields[4].isEmpty()) {
            throw new IllegalStateException(file + " is not a password file (*:*:*:role:password)");
        }
        return fields[4];
    }

    @Override
    public String toString() {
        return "DatabaseRole[" + name + "]";
    }
}
