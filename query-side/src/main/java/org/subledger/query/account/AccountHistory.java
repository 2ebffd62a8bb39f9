package org.subledger.query.account;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.Receivables;
import org.subledger.kernel.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
        return folded(accountId, instant).summary();
    }

    /**
     * The account and what it had overdue at {@code instant}: owed on items due before that instant's date (UTC);
     * empty if not yet opened then.
     */
    Optional<Then> stateAsOf(String accountId, Instant instant) {
        AccountAsOfFolder folder = folded(accountId, instant);
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return folder.summary().map(summary -> {
            Receivables receivables = folder.receivables();
            Money owed = receivables.overdueOn(day);
            return new Then(summary, owed.isPositive()
                    ? new OverdueAccounts.Overdue(accountId, owed, receivables.oldestDueDateOn(day)) : null);
        });
    }

    /** The account's open items and unallocated money at {@code instant}; empty if not yet opened then. */
    Optional<Receivables> receivablesAsOf(String accountId, Instant instant) {
        AccountAsOfFolder folder = folded(accountId, instant);
        return folder.summary().map(summary -> folder.receivables());
    }

    /** An account at a past instant; {@code overdue} null when nothing was overdue. */
    record Then(AccountSummary summary, OverdueAccounts.Overdue overdue) {
    }

    private AccountAsOfFolder folded(String accountId, Instant instant) {
        var folder = new AccountAsOfFolder();
        eventStore.readEvents(accountId, 0).forEachRemaining(event -> {
            if (!event.getTimestamp().isAfter(instant)) {
                folder.apply(event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
            }
        });
        return folder;
    }
}
