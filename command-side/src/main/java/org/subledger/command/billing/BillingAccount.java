package org.subledger.command.billing;

import org.subledger.kernel.account.Receivables;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * What billing needs of the account billed, folded from the account's own stream: its currency, its balance (for the
 * posting's balance after), the account's facts price-plan apply conditions look at (customer type, classification,
 * credit rating), whether it is closed, the stream's last sequence number (for appending to it), and its open items
 * (a bill posted while the account has unallocated money is settled from it at once).
 */
public record BillingAccount(String accountId,
                             Currency currency,
                             Money balance,
                             Map<ConditionAttribute, String> conditionFacts,
                             boolean closed,
                             long lastSequenceNumber,
                             Receivables receivables) {
    public BillingAccount {
        conditionFacts = Map.copyOf(conditionFacts == null ? Map.of() : conditionFacts);
        if (receivables == null) {
            receivables = Receivables.none(currency);
        }
    }

    public BillingAccount(String accountId, Currency currency, Money balance,
                          Map<ConditionAttribute, String> conditionFacts, boolean closed, long lastSequenceNumber) {
        this(accountId, currency, balance, conditionFacts, closed, lastSequenceNumber, null);
    }

    /** The account after a bill was posted to it, and what unallocated money settled of the bill. */
    public record Billed(BillingAccount after, List<Receivables.Allocation> allocations) {
    }

    /**
     * The account after posting a bill of {@code total} due on {@code dueDate}: one {@code BillPosted} and a
     * {@code ReceivableAllocated} per allocation appended; by the one allocation rule, as the account's fold applies
     * it ({@code AccountState}): a positive total is an open item, a negative one settles open items.
     */
    public Billed billed(String billId, LocalDate dueDate, Money total) {
        Receivables.Change change = total.isNegative() ? receivables.credit(total.negate(), null)
                : receivables.debit(billId, dueDate, total);
        BillingAccount after = new BillingAccount(accountId, currency, balance.plus(total), conditionFacts, closed,
                lastSequenceNumber + 1 + change.allocations().size(), change.after());
        return new Billed(after, change.allocations());
    }
}
