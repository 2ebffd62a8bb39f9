package org.subledger.platform.projectioncheck;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The scratch schema a check rebuilds projections in: emptied, then given the read models' tables by the very
 * migration scripts Flyway ran on the live schema ({@code db/migration/V2_*}), in version order. Run directly rather
 * than through Flyway, which would bring every module's migrations (the event table, its guard, the command side's
 * tables) and keep a history the scratch schema does not need.
 */
final class ScratchSchema {

    static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String MIGRATIONS = "classpath*:db/migration/V2_*.sql";

    private final String name;
    private final List<String> excluded;

    ScratchSchema(String name, List<String> excluded) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain schema name: " + name);
        }
        this.name = name;
        this.excluded = excluded;
    }

    String name() {
        return name;
    }

    /**
     * Empties the schema (creating it first if the role may) and runs the read models' migrations in it, on a
     * connection not in auto-commit; the caller commits.
     */
    void rebuild(Connection connection) throws SQLException {
        Savepoint beforeCreate = connection.setSavepoint();
        try (var statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + name);
            connection.releaseSavepoint(beforeCreate);
        } catch (SQLException noRightToCreate) {
            // the embedded cluster's superuser made it at start; an external database's DBA may (README)
            connection.rollback(beforeCreate);
        }
        empty(connection);
        try (var statement = connection.createStatement()) {
            statement.execute("set local search_path to " + name);
            for (Resource script : migrations()) {
                // pgjdbc runs a script of several statements, dollar-quoted bodies included, in one call
                statement.execute(script.getContentAsString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("a read model migration cannot be read", e);
        }
    }

    /** Drops what the schema holds, keeping the schema: dropping it would need the right to create it again. */
    private void empty(Connection connection) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (var query = connection.prepareStatement("""
                select format('drop table if exists %I.%I cascade', schemaname, tablename) from pg_tables
                where schemaname = ?
                union all
                select format('drop function if exists %I.%I(%s) cascade', n.nspname, p.proname,
                              pg_get_function_identity_arguments(p.oid))
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = ?""")) {
            query.setString(1, name);
            query.setString(2, name);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    drops.add(rows.getString(1));
                }
            }
        }
        try (var statement = connection.createStatement()) {
            for (String drop : drops) {
                statement.execute(drop);
            }
        }
    }

    private List<Resource> migrations() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources(MIGRATIONS);
        return Arrays.stream(found).filter(resource -> !excluded.contains(resource.getFilename()))
                .sorted(Comparator.comparing(ScratchSchema::version, ScratchSchema::compareVersions)).toList();
    }

    private static long[] version(Resource resource) {
        String file = resource.getFilename();
        String version = file.substring(1, file.indexOf("__"));
        return Arrays.stream(version.split("[_.]")).mapToLong(Long::parseLong).toArray();
    }

    private static int compareVersions(long[] a, long[] b) {
        return Arrays.compare(a, b);
    }
}
