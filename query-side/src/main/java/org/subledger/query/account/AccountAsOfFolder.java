package org.subledger.query.account;

import org.subledger.kernel.account.AccountState;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.Receivables;

import java.time.Instant;
import java.util.Optional;

/**
 * Folds an account's events, oldest first, into the {@link AccountSummary} they add up to, with the account stream's
 * one fold ({@link AccountState}): the same rules the command side decides with. Pure: no clock, no I/O.
 */
final class AccountAsOfFolder {

    private final AccountState state = new AccountState();

    /** Applies one event; {@code sequenceNumber} and {@code timestamp} are the event message's. */
    AccountAsOfFolder apply(Object payload, long sequenceNumber, Instant timestamp) {
        state.apply(payload, sequenceNumber, timestamp);
        return this;
    }

    /** The open items and unallocated money of the events applied so far. */
    Receivables receivables() {
        return state.receivables();
    }

    /** The account the events applied so far describe; empty if it had not been opened. */
    Optional<AccountSummary> summary() {
        return Optional.ofNullable(state.summary());
    }
}
