package org.subledger.query.account;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.subledger.kernel.account.AccountSummary;

import java.time.Instant;
import java.util.Optional;

/**
 * An account as it stood at a past instant, rebuilt from its events in the event store rather than from the read
 * model, which only knows the present. Reads from sequence number 0, so snapshots (which hold the present) are
 * never used.
 */
@Component
class AccountHistory {

    private final EventStore eventStore;

    AccountHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The account with every event recorded at or before {@code instant}; empty if not yet opened then. */
    Optional<AccountSummary> asOf(String accountId, Instant instant) {
        var folder = new AccountAsOfFolder();
        eventStore.readEvents(accountId, 0).forEachRemaining(event -> {
            if (!event.getTimestamp().isAfter(instant)) {
                folder.apply(event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
            }
        });
        return folder.summary();
    }
}
