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
}
