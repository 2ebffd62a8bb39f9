package org.subledger.query.account;

import org.subledger.kernel.account.AccountClassificationChanged;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.AccountStatus;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.CreditLimitAmended;
import org.subledger.kernel.account.CreditRatingChanged;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.money.Money;

import java.time.Instant;
import java.util.Optional;

/**
 * Folds an account's events, oldest first, into the {@link AccountSummary} they add up to. The same rules as the
 * {@code account-summary} projection, applied in memory: the balance is the last posting's balance after it, the
 * version the sequence number of the last event applied. Events of other kinds are ignored; so is an event not newer
 * than the last one applied. Pure: no clock, no I/O.
 */
final class AccountAsOfFolder {

    private String accountId;
    private CustomerType type;
    private String name;
    private String currency;
    private Money creditLimit;
    private Money balance;
    private boolean closed;
    private String creditRating;
    private String classification;
    private String openedBy;
    private String owningUnit;
    private Instant openedAt;
    private Instant lastMovementAt;
    private long version = -1;

    /** Applies one event; {@code sequenceNumber} and {@code timestamp} are the event message's. */
    AccountAsOfFolder apply(Object payload, long sequenceNumber, Instant timestamp) {
        if (sequenceNumber <= version) {
            return this;
        }
        if (payload instanceof AccountOpened opened) {
            accountId = opened.accountId();
            type = opened.type();
            name = opened.customerName();
            owningUnit = opened.owningUnit();
            currency = opened.currency().getCurrencyCode();
            creditLimit = opened.creditLimit();
            balance = Money.zero(opened.currency());
            creditRating = opened.creditRating();
            classification = opened.classification();
            openedBy = opened.openedBy();
            openedAt = timestamp;
        } else if (openedAt == null) {
            return this; // nothing exists before the opening
        } else if (payload instanceof CreditLimitAmended amended) {
            creditLimit = amended.creditLimit();
        } else if (payload instanceof CreditRatingChanged changed) {
            creditRating = changed.creditRating();
        } else if (payload instanceof AccountClassificationChanged changed) {
            classification = changed.classification();
        } else if (payload instanceof AccountPosting posting) {
            balance = posting.balanceAfter();
            lastMovementAt = timestamp;
        } else if (payload instanceof AccountClosed) {
            closed = true;
        } else {
            return this;
        }
        version = sequenceNumber;
        return this;
    }

    /** The account the events applied so far describe; empty if it had not been opened. */
    Optional<AccountSummary> summary() {
        if (openedAt == null) {
            return Optional.empty();
        }
        return Optional.of(new AccountSummary(accountId, type, name, currency, creditLimit, balance,
                AccountStatus.of(balance), closed, creditRating, classification, openedBy, openedAt, lastMovementAt,
                version, owningUnit));
    }
}
