package org.subledger.command.account;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.command.access.CommandScopes;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.account.AccountClassificationChanged;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.AccountPostingCommand;
import org.subledger.kernel.account.AdjustmentPosted;
import org.subledger.kernel.account.AmendCreditLimit;
import org.subledger.kernel.account.ChangeClassification;
import org.subledger.kernel.account.ChangeCreditRating;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.account.CloseAccount;
import org.subledger.kernel.account.CreditLimitAmended;
import org.subledger.kernel.account.CreditPosted;
import org.subledger.kernel.account.CreditRatingChanged;
import org.subledger.kernel.account.OpenAccount;
import org.subledger.kernel.account.PaymentRecorded;
import org.subledger.kernel.account.PostAdjustment;
import org.subledger.kernel.account.PostCharge;
import org.subledger.kernel.account.PostCredit;
import org.subledger.kernel.account.RecordPayment;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;

import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's accounts-receivable account: the balance every bill, payment, credit and adjustment moves. A positive
 * balance is what the customer owes. Owns the invariants: postings are positive amounts in the account's currency,
 * a closed account takes nothing more, an account closes only at a zero balance and once none of its subscriptions
 * is live (so nothing is left that would charge it), and a posting id is recorded once.
 */
@Aggregate(cache = "accountCache")
class Account {

    @AggregateIdentifier
    private String accountId;
    private Currency currency;
    private Money balance;
    private Money creditLimit;
    private String creditRating;
    private String classification;
    private boolean closed;
    private String owningUnit;
    private Set<String> postingIds = new HashSet<>();

    Account() {
        // for Axon's event sourcing
    }

    /**
     * A user whose access scope may not change this account is answered as if it did not exist, and nothing is
     * recorded; the ledger's own commands (no scope) may change every account.
     */
    @CommandHandlerInterceptor
    Object checkAccess(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        AccessScope scope = CommandScopes.of(command.getMetaData());
        if (accountId != null && scope != null && !scope.mayChange(owningUnit)) {
            throw LedgerRefusal.outOfScope(ErrorCode.ACCOUNT_NOT_FOUND, "account", accountId,
                    "No record with id " + accountId);
        }
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenAccount command, MetaData metaData) {
        if (accountId != null) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_ALREADY_EXISTS, "Account " + command.accountId() + " exists");
        }
        AccountRules.validate(command);
        apply(new AccountOpened(command.accountId(), command.type(), command.person(), command.company(),
                command.contact(), command.currency(), Money.of(command.creditLimit(), command.currency()),
                AccountRules.blankToNull(command.creditRating()),
                AccountRules.classificationOrDefault(command.classification(), command.type()),
                command.openedBy(), CommandScopes.owningUnit(command.owningUnit(), CommandScopes.of(metaData))));
    }

    @CommandHandler
    void handle(AmendCreditLimit command) {
        requireOpen();
        Money newLimit = AccountRules.amount(command.creditLimit(), command.currency(), currency, "creditLimit", true);
        if (!newLimit.equals(creditLimit)) {
            apply(new CreditLimitAmended(accountId, creditLimit, newLimit, command.reason()));
        }
    }

    @CommandHandler
    void handle(ChangeCreditRating command) {
        requireOpen();
        String rating = AccountRules.code(command.creditRating(), "creditRating");
        if (!rating.equals(creditRating)) {
            apply(new CreditRatingChanged(accountId, creditRating, rating));
        }
    }

    @CommandHandler
    void handle(ChangeClassification command) {
        requireOpen();
        String newClassification = AccountRules.code(command.classification(), "classification");
        if (!newClassification.equals(classification)) {
            apply(new AccountClassificationChanged(accountId, classification, newClassification));
        }
    }

    @CommandHandler
    void handle(PostCharge command) {
        post(command, amount -> new ChargePosted(accountId, command.postingId(), amount, command.description(),
                command.reference(), balance.plus(amount)));
    }

    @CommandHandler
    void handle(PostCredit command) {
        post(command, amount -> new CreditPosted(accountId, command.postingId(), amount, command.description(),
                command.reference(), balance.minus(amount)));
    }

    @CommandHandler
    void handle(RecordPayment command) {
        post(command, amount -> new PaymentRecorded(accountId, command.postingId(), amount, command.description(),
                command.reference(), balance.minus(amount)));
    }

    @CommandHandler
    void handle(PostAdjustment command) {
        if (command.direction() == null) {
            throw AccountRules.invalid("direction", "must be DEBIT or CREDIT");
        }
        AccountRules.requireText(command.reason(), "reason");
        post(command, amount -> new AdjustmentPosted(accountId, command.postingId(), amount, command.direction(),
                command.reason(), balance.plus(command.direction().signed(amount))));
    }

    @CommandHandler
    void handle(CloseAccount command, AccountSubscriptions subscriptions) {
        requireOpen();
        if (!balance.isZero()) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_BALANCE_NOT_ZERO,
                    "Account " + accountId + " has a balance of " + balance + "; only a zero balance can be closed");
        }
        // a live subscription would go on charging (bills, event charges, its early-termination penalty) an account
        // that refuses every posting: it is terminated first, and its last charges settled
        List<String> live = subscriptions.liveSubscriptionsOf(accountId);
        if (!live.isEmpty()) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_HAS_LIVE_SUBSCRIPTIONS, "Account " + accountId + " has "
                    + live.size() + " subscription(s) not terminated: " + String.join(", ", live));
        }
        apply(new AccountClosed(accountId, command.reason()));
    }

    /** Records a posting once per posting id; a repeated id is an accepted no-op, so retries never post twice. */
    private void post(AccountPostingCommand command, Function<Money, AccountPosting> posting) {
        requireOpen();
        AccountRules.requireText(command.postingId(), "postingId");
        if (postingIds.contains(command.postingId())) {
            return;
        }
        Money amount = AccountRules.amount(command.amount(), command.currency(), currency, "amount", false);
        apply(posting.apply(amount));
    }

    private void requireOpen() {
        if (closed) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "Account " + accountId + " is closed");
        }
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = event.accountId();
        currency = event.currency();
        balance = Money.zero(event.currency());
        creditLimit = event.creditLimit();
        creditRating = event.creditRating();
        classification = event.classification();
        owningUnit = event.owningUnit();
    }

    @EventSourcingHandler
    void on(CreditLimitAmended event) {
        creditLimit = event.creditLimit();
    }

    @EventSourcingHandler
    void on(CreditRatingChanged event) {
        creditRating = event.creditRating();
    }

    @EventSourcingHandler
    void on(AccountClassificationChanged event) {
        classification = event.classification();
    }

    @EventSourcingHandler
    void on(AccountPosting event) {
        postingIds.add(event.postingId());
        balance = balance.plus(event.balanceEffect());
    }

    @EventSourcingHandler
    void on(AccountClosed event) {
        closed = true;
    }

    @Override
    public String toString() {
        return "Account[" + accountId + ", balance " + Objects.toString(balance) + (closed ? ", closed]" : "]");
    }
}
