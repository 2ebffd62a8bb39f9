package org.subledger.platform.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseRoleTest {

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedPasswordIsKeptInAPasswordFileOnlyItsOwnerMayRead() throws Exception {
        var role = DatabaseRole.readOrGenerate(dataDir, "ledger");

        var file = DatabaseRole.file(dataDir, "ledger");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("*:*:*:ledger:" + role.password() + "\n");
        assertThat(role.password()).hasSize(32).matches("[A-Za-z0-9_-]+");
        assertThat(DatabaseRole.readOrGenerate(dataDir, "ledger")).isEqualTo(role);
        assertThat(DatabaseRole.readOrGenerate(dataDir, "reporting").password()).isNotEqualTo(role.password());
    }

    @Test
    void aPasswordFileOthersCouldReadIsClosedToThem() throws Exception {
        var role = DatabaseRole.readOrGenerate(dataDir, "ledger");
        var file = DatabaseRole.file(dataDir, "ledger");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(DatabaseRole.readOrGenerate(dataDir, "ledger")).isEqualTo(role);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void thePasswordNeverShowsInLogs() {
        assertThat(DatabaseRole.readOrGenerate(dataDir, "ledger").toString()).isEqualTo("DatabaseRole[ledger]");
    }
}
