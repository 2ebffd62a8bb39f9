package org.subledger.platform.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Keeps the event table append-only against the ledger's own role. The migration {@code V1_080} puts a trigger on it
 * that refuses UPDATE, DELETE and TRUNCATE, but an owner may disable or drop its table's triggers, and the ledger's
 * role owns what its migrations create. So, on the embedded cluster, the superuser hands the table (with its
 * sequence) and the trigger's function to {@code ledger_maintenance}, a role that cannot log in, and grants the
 * ledger SELECT and INSERT only; and an event trigger (which only a superuser may create or disable) refuses
 * dropping the table, its triggers or their function, which the ledger could otherwise do as the schema's owner.
 * Migrations may still alter the table: the ledger gets it back for the length of a migration run.
 */
public final class EventTableGuard {

    /** Owns the event table; cannot log in. An operator who must repair history logs in as a superuser. */
    public static final String MAINTENANCE = "ledger_maintenance";
    static final String TABLE = ClusterRoles.SCHEMA + ".domain_event_entry";
    static final String SEQUENCE = ClusterRoles.SCHEMA + ".domain_event_entry_global_index_seq";
    static final String TRIGGER_FUNCTION = ClusterRoles.SCHEMA + ".ledger_refuse_event_change()";

    private EventTableGuard() {
    }

    static void maintenanceRole(Connection superuser) throws SQLException {
        try (var statement = superuser.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                            CREATE ROLE %1$s NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
                        END IF;
                    END $$""".formatted(MAINTENANCE));
            // a new owner needs CREATE on the schema the table is in
            statement.execute("GRANT USAGE, CREATE ON SCHEMA " + ClusterRoles.SCHEMA + " TO " + MAINTENANCE);
        }
    }

    /** After the migrations: the table to the maintenance role, the ledger keeps reading and appending. */
    public static void protect(Connection superuser, String ledger) throws SQLException {
        if (!migrated(superuser)) {
            return;
        }
        superuser.setAutoCommit(false);
        try (var statement = superuser.createStatement()) {
            statement.execute("ALTER TABLE " + TABLE + " OWNER TO " + MAINTENANCE);
            statement.execute("ALTER FUNCTION " + TRIGGER_FUNCTION + " OWNER TO " + MAINTENANCE);
            statement.execute("REVOKE ALL ON " + TABLE + " FROM " + ledger);
            statement.execute("GRANT SELECT, INSERT ON " + TABLE + " TO " + ledger);
            statement.execute("GRANT USAGE, SELECT ON SEQUENCE " + SEQUENCE + " TO " + ledger);
            dropGuard(statement);
            superuser.commit();
        } catch (SQLException | RuntimeException e) {
            superuser.rollback();
            throw e;
        } finally {
            superuser.setAutoCommit(true);
        }
    }

    /** Before a migration run: the ledger owns the table again, as Flyway expects (no superuser in migrations). */
    public static void release(Connection superuser, String ledger) throws SQLException {
        if (!migrated(superuser)) {
            return;
        }
        try (var statement = superuser.createStatement()) {
            statement.execute("ALTER TABLE " + TABLE + " OWNER TO " + ledger);
            statement.execute("ALTER FUNCTION " + TRIGGER_FUNCTION + " OWNER TO " + ledger);
        }
    }

    private static boolean migrated(Connection superuser) throws SQLException {
        try (var statement = superuser.createStatement();
             var rows = statement.executeQuery("SELECT to_regprocedure('" + TRIGGER_FUNCTION + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    /** In a schema of the superuser's, so that the ledger, owner of {@code public}, cannot drop the function. */
    private static void dropGuard(java.sql.Statement statement) throws SQLException {
        statement.execute("CREATE SCHEMA IF NOT EXISTS ledger_guard");
        statement.execute("REVOKE ALL ON SCHEMA ledger_guard FROM PUBLIC");
        statement.execute("""
                CREATE OR REPLACE FUNCTION ledger_guard.keep_event_table() RETURNS event_trigger
                    LANGUAGE plpgsql AS $$
                DECLARE
                    dropped record;
                BEGIN
                    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                        RETURN;
                    END IF;
                    FOR dropped IN SELECT * FROM pg_event_trigger_dropped_objects() LOOP
                        IF dropped.object_identity IN ('%1$s', '%2$s')
                           OR (dropped.object_type = 'trigger' AND dropped.object_identity LIKE '%% on %1$s') THEN
                            RAISE EXCEPTION 'the append-only event table and its guard are kept: DROP of %% refused',
                                dropped.object_identity USING ERRCODE = 'insufficient_privilege';
                        END IF;
                    END LOOP;
                END $$""".formatted(TABLE, TRIGGER_FUNCTION));
        statement.execute("""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'ledger_keep_event_table') THEN
                        CREATE EVENT TRIGGER ledger_keep_event_table ON sql_drop
                            EXECUTE FUNCTION ledger_guard.keep_event_table();
                    END IF;
                END $$""");
    }
}
