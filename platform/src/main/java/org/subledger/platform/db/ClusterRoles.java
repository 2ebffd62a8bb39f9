package org.subledger.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's login roles, kept in step with their password files at every start: the ledger's own role owns the
 * schema its migrations create tables in and everything already in it (a ledger of an earlier version created its
 * tables as the superuser), the reporting role reads everything and may change nothing, the reporting-views role
 * reads only the {@code reporting} schema's views (granted by the migrations), and the maintenance role, which
 * cannot log in, owns the append-only event table.
 */
final class ClusterRoles {

    static final String SCHEMA = "public";
    static final String REPORTING_SCHEMA = "reporting";
    static final String PROJECTION_CHECK_SCHEMA = "projection_check";

    private ClusterRoles() {
    }

    static void provision(Connection superuser, DatabaseRole ledger, DatabaseRole reporting,
                          DatabaseRole viewsReader) throws SQLException {
        superuser.setAutoCommit(false);
        try (var statement = superuser.createStatement()) {
            login(superuser, ledger);
            login(superuser, reporting);
            login(superuser, viewsReader);
            statement.execute("GRANT pg_read_all_data TO " + reporting.name());
            EventTableGuard.maintenanceRole(superuser);
            statement.execute("ALTER SCHEMA " + SCHEMA + " OWNER TO " + ledger.name());
            // the reporting views' schema (migration V2_680): creating a schema needs a right on the database
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + REPORTING_SCHEMA + " AUTHORIZATION " + ledger.name());
            // the scratch schema projection checks rebuild read models in (ledger.audit.projection-checks.schema)
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + PROJECTION_CHECK_SCHEMA + " AUTHORIZATION "
                    + ledger.name());
            for (String alter : ownershipTransfers(superuser, ledger.name())) {
                statement.execute(alter);
            }
            superuser.commit();
        } catch (SQLException | RuntimeException e) {
            superuser.rollback();
            throw e;
        }
    }

    private static void login(Connection superuser, DatabaseRole role) throws SQLException {
        try (var statement = superuser.createStatement()) {
            boolean exists;
            try (var found = superuser.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                found.setString(1, role.name());
                try (var rows = found.executeQuery()) {
                    exists = rows.next();
                }
            }
            // the password is generated URL-safe Base64: nothing in it needs escaping
            statement.execute((exists ? "ALTER" : "CREATE") + " ROLE " + role.name()
                    + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                    + role.password() + "'");
        }
    }

    /**
     * Tables first: their owned sequences, indexes and row types follow them. What the maintenance role holds (the
     * event table and its append-only trigger function, see {@link EventTableGuard}) stays with it.
     */
    private static List<String> ownershipTransfers(Connection connection, String owner) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (var query = connection.prepareStatement("""
                select format('ALTER %s %I.%I OWNER TO %I', case c.relkind when 'S' then 'SEQUENCE'
                           when 'v' then 'VIEW' when 'm' then 'MATERIALIZED VIEW' when 'f' then 'FOREIGN TABLE'
                           else 'TABLE' end, n.nspname, c.relname, ?)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                  and pg_get_userbyid(c.relowner) not in (?, ?)
                  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                  and d.objid = c.oid and d.deptype in ('a', 'i'))
                order by c.relkind = 'S'
                """)) {
            query.setString(1, owner);
            query.setString(2, SCHEMA);
            query.setString(3, owner);
            query.setString(4, EventTableGuard.MAINTENANCE);
            collect(query, statements);
        }
        try (var query = connection.prepareStatement("""
                select format('ALTER %s %s OWNER TO %I', case p.prokind when 'p' then 'PROCEDURE'
                           when 'a' then 'AGGREGATE' else 'FUNCTION' end, p.oid::regprocedure, ?)
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = ? and pg_get_userbyid(p.proowner) not in (?, ?)
                  and p.prorettype <> 'event_trigger'::regtype
                """)) {
            query.setString(1, owner);
            query.setString(2, SCHEMA);
            query.setString(3, owner);
            query.setString(4, EventTableGuard.MAINTENANCE);
            collect(query, statements);
        }
        try (var query = connection.prepareStatement("""
                select format('ALTER %s %I.%I OWNER TO %I', case t.typtype when 'd' then 'DOMAIN' else 'TYPE' end,
                           n.nspname, t.typname, ?)
                from pg_type t join pg_namespace n on n.oid = t.typnamespace
                where n.nspname = ? and pg_get_userbyid(t.typowner) <> ? and t.typtype in ('e', 'd', 'r')
                """)) {
            query.setString(1, owner);
            query.setString(2, SCHEMA);
            query.setString(3, owner);
            collect(query, statements);
        }
        return statements;
    }

    private static void collect(java.sql.PreparedStatement query, List<String> into) throws SQLException {
        try (var rows = query.executeQuery()) {
            while (rows.next()) {
                into.add(rows.getString(1));
            }
        }
    }
}
