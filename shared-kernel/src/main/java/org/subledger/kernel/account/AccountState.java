package org.subledger.kernel.account;

import org.subledger.kernel.money.Money;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * The one fold of an account's event stream, shared by every reader of it: the Account aggregate (its state, and its
 * snapshot), billing, the subscription side's account lookup and the as-of reader. Each reader used to fold the
 * stream its own way; now a new account event is handled here once, and {@code AccountStateReadersTest} feeds the
 * same random histories to every reader.
 *
 * <p>The balance is the last posting's {@link AccountPosting#balanceAfter()}: every posting records the balance right
 * after it, so a reader may skip all postings but the last without changing the result. Events are applied oldest
 * first; an event not newer than the last one applied is ignored, and nothing applies before the opening. Pure: no
 * clock, no I/O. Mutable, as an aggregate's state is; readers that hand it out use {@link #summary()}.
 *
 * <p>The open items ({@link Receivables}) are folded from the postings themselves, by the one allocation rule, so
 * they are exact for every history, also one recorded before allocations were: a reader that wants them applies every
 * posting (one that skips postings, as the subscription side's lookup does for the balance, must not use them). The
 * {@link ReceivableAllocated} events the writers record with each posting say the same for readers of the event log
 * (projections, audit); the fold does not need them. A charge or debit adjustment without a bill is due on the day
 * (UTC) it was posted.
 */
public final class AccountState {

    /** Every event type that changes this state; a reader may skip other types without deserialising them. */
    public static final Set<Class<?>> EVENT_TYPES = Set.of(AccountOpened.class, CreditLimitAmended.class,
            CreditRatingChanged.class, AccountClassificationChanged.class, AccountClosed.class,
            CustomerLoginInvited.class, CustomerLoginActivated.class);

    private String accountId;
    private CustomerType type;
    private String customerName;
    private String address;
    private Currency currency;
    private Money creditLimit;
    private Money balance;
    private String creditRating;
    private String classification;
    private boolean closed;
    private String openedBy;
    /** The organisational unit that owns the account (null: opened before units existed, open to all staff). */
    private String owningUnit;
    private Instant openedAt;
    private Instant lastMovementAt;
    /** The identity or registration number a customer login accepts besides the account number. */
    private String loginAlias;
    /** Until when the outstanding customer-login activation token is valid; null: none outstanding. */
    private Instant activationExpiresAt;
    private Receivables receivables;
    /** What the last posting applied allocated: the writer of the posting records them; not part of a snapshot. */
    private transient List<Receivables.Allocation> lastAllocations = List.of();
    private long version = -1;

    /** True for the event types this state is folded from: {@link #EVENT_TYPES} and every {@link AccountPosting}. */
    public static boolean folds(Class<?> payloadType) {
        return EVENT_TYPES.contains(payloadType) || AccountPosting.class.isAssignableFrom(payloadType);
    }

    /** Applies one event; {@code sequenceNumber} and {@code timestamp} are its message's. Returns this state. */
    public AccountState apply(Object payload, long sequenceNumber, Instant timestamp) {
        if (sequenceNumber <= version) {
            return this;
        }
        lastAllocations = List.of();
        if (payload instanceof AccountOpened opened) {
            accountId = opened.accountId();
            type = opened.type();
            customerName = opened.customerName();
            address = opened.contact() == null ? null : opened.contact().address();
            currency = opened.currency();
            creditLimit = opened.creditLimit();
            balance = Money.zero(opened.currency());
            receivables = Receivables.none(opened.currency());
            creditRating = opened.creditRating();
            classification = opened.classification();
            openedBy = opened.openedBy();
            owningUnit = opened.owningUnit();
            openedAt = timestamp;
            loginAlias = blankToNull(opened.person() != null ? opened.person().identityNumber()
                    : opened.company() != null ? opened.company().registrationNumber() : null);
        } else if (accountId == null) {
            return this; // nothing exists before the opening
        } else if (payload instanceof AccountPosting posting) {
            balance = posting.balanceAfter();
            lastMovementAt = timestamp;
            allocate(posting, timestamp);
        } else if (payload instanceof CreditLimitAmended amended) {
            creditLimit = amended.creditLimit();
        } else if (payload instanceof CreditRatingChanged changed) {
            creditRating = changed.creditRating();
        } else if (payload instanceof AccountClassificationChanged changed) {
            classification = changed.classification();
        } else if (payload instanceof AccountClosed) {
            closed = true;
        } else if (payload instanceof CustomerLoginInvited invited) {
            activationExpiresAt = invited.expiresAt();
        } else if (payload instanceof CustomerLoginActivated) {
            activationExpiresAt = null;
        } else {
            return this;
        }
        version = sequenceNumber;
        return this;
    }

    private void allocate(AccountPosting posting, Instant timestamp) {
        if (receivables == null) {
            receivables = Receivables.none(currency); // a snapshot taken before open items existed
        }
        Receivables.Change change = receivables.post(posting, timestamp);
        receivables = change.after();
        lastAllocations = change.allocations();
    }

    /** A copy that later events can be applied to without changing this state (billing keeps folds between bills). */
    public AccountState copy() {
        AccountState copy = new AccountState();
        copy.accountId = accountId;
        copy.type = type;
        copy.customerName = customerName;
        copy.address = address;
        copy.currency = currency;
        copy.creditLimit = creditLimit;
        copy.balance = balance;
        copy.creditRating = creditRating;
        copy.classification = classification;
        copy.closed = closed;
        copy.openedBy = openedBy;
        copy.owningUnit = owningUnit;
        copy.openedAt = openedAt;
        copy.lastMovementAt = lastMovementAt;
        copy.loginAlias = loginAlias;
        copy.activationExpiresAt = activationExpiresAt;
        copy.receivables = receivables; // immutable: a posting makes a new one
        copy.lastAllocations = lastAllocations;
        copy.version = version;
        return copy;
    }

    /** Whether the events applied so far opened an account. */
    public boolean isOpened() {
        return accountId != null;
    }

    /** The account the events applied so far describe; null if it was not opened. */
    public AccountSummary summary() {
        if (!isOpened()) {
            return null;
        }
        return new AccountSummary(accountId, type, customerName, currency.getCurrencyCode(), creditLimit, balance,
                AccountStatus.of(balance), closed, creditRating, classification, openedBy, openedAt, lastMovementAt,
                version, owningUnit);
    }

    public String accountId() {
        return accountId;
    }

    public CustomerType type() {
        return type;
    }

    public String address() {
        return address;
    }

    public Currency currency() {
        return currency;
    }

    public Money creditLimit() {
        return creditLimit;
    }

    public Money balance() {
        return balance;
    }

    public String creditRating() {
        return creditRating;
    }

    public String classification() {
        return classification;
    }

    public boolean closed() {
        return closed;
    }

    public String owningUnit() {
        return owningUnit;
    }

    /** The open items and unallocated money; exact when every posting was applied (see the class comment). */
    public Receivables receivables() {
        return receivables == null && currency != null ? Receivables.none(currency) : receivables;
    }

    /**
     * What the last posting applied settled (oldest item first), for its writer to record as
     * {@link ReceivableAllocated}; empty after any other event.
     */
    public List<Receivables.Allocation> lastAllocations() {
        return lastAllocations == null ? List.of() : lastAllocations;
    }

    public String loginAlias() {
        return loginAlias;
    }

    /** Whether a customer-login activation token handed out and not used yet is still valid at {@code now}. */
    public boolean activationOutstandingAt(Instant now) {
        return activationExpiresAt != null && now.isBefore(activationExpiresAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The sequence number of the last event applied (-1: none). */
    public long version() {
        return version;
    }
}
