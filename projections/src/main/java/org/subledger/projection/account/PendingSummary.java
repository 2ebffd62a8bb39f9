package org.subledger.projection.account;

import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.AccountStatus;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the events of one account in the current batch do to its {@code account_summary} row, folded into one write.
 * Every value is absolute (the balance is the last posting's balance after it, never a sum), so folding several
 * events, or applying one twice, gives the same row. When the batch holds the opening, every column is known and
 * the row is upserted whole; otherwise only the columns that changed are updated (the {@code ...Changed} flags).
 * An event not newer than the last one folded is ignored.
 */
final class PendingSummary {

    final String accountId;
    long version = -1;

    // known only when the batch holds the AccountOpened event (sequence number 0)
    CustomerType customerType;
    String name;
    String currency;
    String openedBy;
    String owningUnit;
    Instant openedAt;

    boolean creditLimitChanged;
    BigDecimal creditLimit;
    boolean creditRatingChanged;
    String creditRating;
    boolean classificationChanged;
    String classification;

    boolean moved;
    BigDecimal balance;
    AccountStatus status;
    Instant lastMovementAt;
    EntryType lastMovementType;

    boolean closed;

    PendingSummary(String accountId) {
        this.accountId = accountId;
    }

    /** True when the whole row is known, so it can be inserted. */
    boolean complete() {
        return openedAt != null;
    }

    void opened(AccountOpened event, long sequenceNumber, Instant at) {
        // everything that can fail comes before the first change, so a faulty event leaves the fold untouched
        CustomerType type = event.type();
        String customerName = event.customerName();
        String currencyCode = event.currency().getCurrencyCode();
        BigDecimal zero = Money.zero(event.currency()).amount();
        BigDecimal limit = amountOf(event.creditLimit());
        if (advanceTo(sequenceNumber)) {
            customerType = type;
            name = customerName;
            currency = currencyCode;
            openedBy = event.openedBy();
            owningUnit = event.owningUnit();
            openedAt = at;
            creditLimit(limit);
            creditRating(event.creditRating());
            classification(event.classification());
            balance = zero;
            status = AccountStatus.SETTLED;
        }
    }

    void creditLimitAmended(Money limit, long sequenceNumber) {
        BigDecimal amount = amountOf(limit);
        if (advanceTo(sequenceNumber)) {
            creditLimit(amount);
        }
    }

    void creditRatingChanged(String rating, long sequenceNumber) {
        if (advanceTo(sequenceNumber)) {
            creditRating(rating);
        }
    }

    void classificationChanged(String newClassification, long sequenceNumber) {
        if (advanceTo(sequenceNumber)) {
            classification(newClassification);
        }
    }

    void posted(AccountPosting posting, long sequenceNumber, Instant at) {
        BigDecimal balanceAfter = posting.balanceAfter().amount();
        AccountStatus statusAfter = AccountStatus.of(posting.balanceAfter());
        EntryType type = EntryType.of(posting);
        if (advanceTo(sequenceNumber)) {
            moved = true;
            balance = balanceAfter;
            status = statusAfter;
            lastMovementAt = at;
            lastMovementType = type;
        }
    }

    void closed(long sequenceNumber) {
        if (advanceTo(sequenceNumber)) {
            closed = true;
        }
    }

    private void creditLimit(BigDecimal limit) {
        creditLimitChanged = true;
        creditLimit = limit;
    }

    private static BigDecimal amountOf(Money money) {
        return money == null ? null : money.amount();
    }

    private void creditRating(String rating) {
        creditRatingChanged = true;
        creditRating = rating;
    }

    private void classification(String newClassification) {
        classificationChanged = true;
        classification = newClassification;
    }

    private boolean advanceTo(long sequenceNumber) {
        if (sequenceNumber <= version) {
            return false;
        }
        version = sequenceNumber;
        return true;
    }
}
