package org.subledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.platform.db.DatabaseRole;
import org.subledger.platform.db.EmbeddedPostgresServer;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded event store is not open to every local process: the ledger logs in as a role that is no superuser,
 * every role needs its password, and the generated passwords are readable by their owner only.
 */
class EmbeddedDatabaseIT extends LedgerIT {

    @Autowired
    EmbeddedPostgresServer postgres;

    @Test
    void theLedgerLogsInAsItsOwnRoleWhichIsNoSuperuser() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(DatabaseRole.LEDGER);
        assertThat(jdbc.queryForObject("select rolsuper or rolcreaterole or rolcreatedb from pg_roles"
                + " where rolname = current_user", Boolean.class)).isFalse();
        // every table of the migrations belongs to it (Flyway needed no superuser), but the event table, handed to
        // the maintenance role after the migrations so that the ledger can only read and append
        assertThat(jdbc.queryForList("select tablename || ' ' || tableowner from pg_tables where schemaname = 'public'"
                + " and tableowner <> current_user", String.class))
                .containsExactly("domain_event_entry ledger_maintenance");
    }

    @Test
    void aConnectionWithoutThePasswordIsRefused() {
        for (String role : new String[]{DatabaseRole.SUPERUSER, DatabaseRole.LEDGER, DatabaseRole.REPORTING}) {
            assertThatThrownBy(() -> login(role, null)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> login(role, "postgres")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void theGeneratedPasswordsAreInOwnerOnlyFilesOfTheDataDirectory() throws Exception {
        for (String role : new String[]{DatabaseRole.SUPERUSER, DatabaseRole.LEDGER, DatabaseRole.REPORTING}) {
            var file = DatabaseRole.file(postgres.cluster().dataDir(), role);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        var reporting = DatabaseRole.readOrGenerate(postgres.cluster().dataDir(), DatabaseRole.REPORTING);
        try (var connection = login(reporting.name(), reporting.password());
             var statement = connection.createStatement()) {
            assertThat(statement.executeQuery("select count(*) from domain_event_entry").next()).isTrue();
            assertThatThrownBy(() -> statement.execute("delete from domain_event_entry"))
                    .hasMessageContaining("permission denied");
        }
    }

    java.sql.Connection login(String role, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", role);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(postgres.cluster().jdbcUrl(), properties);
    }
}
