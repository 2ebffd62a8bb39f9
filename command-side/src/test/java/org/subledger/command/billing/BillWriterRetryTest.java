package org.subledger.command.billing;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures of a bill's transaction are a lost race, retried from a fresh read, and which are not. */
class BillWriterRetryTest {

    @Test
    void aConcurrentAppendIsALostRace() {
        assertThat(BillWriter.lostARace(new ConcurrencyException("sequence taken"))).isTrue();
        assertThat(BillWriter.lostARace(new DuplicateKeyException("23505"))).isTrue();
    }

    @Test
    void aDeadlockOrSerializationFailureChosenByPostgresIsALostRace() {
        assertThat(BillWriter.lostARace(new EventStoreException("append failed",
                new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(BillWriter.lostARace(new IllegalStateException("wrapped",
                new SQLException("could not serialize access", "40001")))).isTrue();
    }

    @Test
    void anythingElseIsNoRace() {
        assertThat(BillWriter.lostARace(new EventStoreException("append failed",
                new SQLException("numeric field overflow", "22003")))).isFalse();
        assertThat(BillWriter.lostARace(new IllegalArgumentException("units are zero or more"))).isFalse();
    }

    @Test
    void aLoserPausesLongerEachTimeUpToASecondForSecondsInAll() {
        assertThat(BillWriter.pauseMillis(1, 0.0)).isEqualTo(5);
        assertThat(BillWriter.pauseMillis(1, 1.0)).isEqualTo(10);
        assertThat(BillWriter.pauseMillis(4, 0.5)).isEqualTo(60);
        assertThat(BillWriter.pauseMillis(30, 1.0)).isEqualTo(BillWriter.MAX_PAUSE_MILLIS);
        long least = 0;
        long most = 0;
        for (int attempt = 1; attempt < BillWriter.ATTEMPTS; attempt++) {
            least += BillWriter.pauseMillis(attempt, 0.0);
            most += BillWriter.pauseMillis(attempt, 1.0);
        }
        // longer than a bill's transaction on a saturated machine, short enough for a processor's batch
        assertThat(least).isBetween(2_000L, 3_000L);
        assertThat(most).isBetween(5_000L, 6_000L);
    }
}
