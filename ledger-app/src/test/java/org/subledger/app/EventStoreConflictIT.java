package org.subledger.app;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.kernel.account.CreditRatingChanged;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On PostgreSQL a second append at the same (aggregate id, sequence number) is a concurrency conflict. */
class EventStoreConflictIT extends LedgerIT {

    @Autowired
    EventStorageEngine storageEngine;

    @Test
    void aDuplicateAggregateSequenceIsAConcurrencyExceptionNotAStoreFailure() {
        String id = "conflict-" + UUID.randomUUID();
        storageEngine.appendEvents(new GenericDomainEventMessage<>("Account", id, 1,
                new CreditRatingChanged(id, null, "AAA")));

        assertThatThrownBy(() -> storageEngine.appendEvents(new GenericDomainEventMessage<>("Account", id, 1,
                new CreditRatingChanged(id, "AAA", "CAA"))))
                .isInstanceOf(ConcurrencyException.class);
    }
}
