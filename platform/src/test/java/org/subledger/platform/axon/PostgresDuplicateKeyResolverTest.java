package org.subledger.platform.axon;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresDuplicateKeyResolverTest {

    private final PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

    @Test
    void recognisesAUniqueViolationDeepInTheCauseChain() {
        var unique = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(new IllegalStateException(unique))))
                .isTrue();
    }

    @Test
    void recognisesAUniqueViolationBehindABatchFailure() {
        var batch = new BatchUpdateException("batch entry 0 failed", "", new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void doesNotTakeOtherFailuresForConflicts() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("not null violated", "23502"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("boom"))).isFalse();
    }
}
