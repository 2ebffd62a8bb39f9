package org.subledger.command.account;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.command.access.CommandScopes;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.account.AccountClassificationChanged;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.AccountPostingCommand;
import org.subledger.kernel.account.ActivateCustomerLogin;
import org.subledger.command.posting.PostingIds;
import org.subledger.kernel.account.AccountState;
import org.subledger.kernel.account.AdjustmentPosted;
import org.subledger.kernel.account.AmendCreditLimit;
import org.subledger.kernel.account.ChangeClassification;
import org.subledger.kernel.account.ChangeCreditRating;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.account.CloseAccount;
import org.subledger.kernel.account.CreditLimitAmended;
import org.subledger.kernel.account.CreditPosted;
import org.subledger.kernel.account.CreditRatingChanged;
import org.subledger.kernel.account.CustomerLoginActivated;
import org.subledger.kernel.account.CustomerLoginInvited;
import org.subledger.kernel.account.InviteCustomerLogin;
import org.subledger.kernel.account.OpenAccount;
import org.subledger.kernel.account.PaymentRecorded;
import org.subledger.kernel.account.PostAdjustment;
import org.subledger.kernel.account.PostCharge;
import org.subledger.kernel.account.PostCredit;
import org.subledger.kernel.account.ReceivableAllocated;
import org.subledger.kernel.account.Receivables;
import org.subledger.kernel.account.RecordPayment;
import org.subledger.command.customerlogin.CustomerLogins;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's accounts-receivable account: the balance every bill, payment, credit and adjustment moves. A positive
 * balance is what the customer owes. Owns the invariants: postings are positive amounts in the account's currency,
 * a closed account takes nothing more, an account closes only at a zero balance and once none of its subscriptions
 * is live (so nothing is left that would charge it), and a posting id is recorded once.
 */
// revision 2: the state holds the account's open items (a snapshot of revision 1 is skipped and the stream folded)
@Revision("2")
@Aggregate(cache = "accountCache", snapshotTriggerDefinition = AccountSnapshots.TRIGGER)
class Account implements AccountSnapshot {

    @AggregateIdentifier
    private String accountId;
    private AccountState state = new AccountState();

    Account() {
        // for Axon's event sourcing
    }

    @Override
    public AccountState state() {
        return state;
    }

    /**
     * A user whose access scope may not change this account is answered as if it did not exist, and nothing is
     * recorded; the ledger's own commands (no scope) may change every account.
     */
    @CommandHandlerInterceptor
    Object checkAccess(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        AccessScope scope = CommandScopes.of(command.getMetaData());
        if (accountId != null && scope != null && !scope.mayChange(state.owningUnit())) {
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
        Money newLimit = AccountRules.amount(command.creditLimit(), command.currency(), state.currency(), "creditLimit",
                true);
        if (!newLimit.equals(state.creditLimit())) {
            apply(new CreditLimitAmended(accountId, state.creditLimit(), newLimit, command.reason()));
        }
    }

    @CommandHandler
    void handle(ChangeCreditRating command) {
        requireOpen();
        String rating = AccountRules.code(command.creditRating(), "creditRating");
        if (!rating.equals(state.creditRating())) {
            apply(new CreditRatingChanged(accountId, state.creditRating(), rating));
        }
    }

    @CommandHandler
    void handle(ChangeClassification command) {
        requireOpen();
        String newClassification = AccountRules.code(command.classification(), "classification");
        if (!newClassification.equals(state.classification())) {
            apply(new AccountClassificationChanged(accountId, state.classification(),
                    newClassification));
        }
    }

    @CommandHandler
    void handle(PostCharge command, PostingIds postingIds) {
        post(command, postingIds, amount -> new ChargePosted(accountId, command.postingId(), amount, command.description(),
                command.reference(), state.balance().plus(amount)));
    }

    @CommandHandler
    void handle(PostCredit command, PostingIds postingIds) {
        post(command, postingIds, amount -> new CreditPosted(accountId, command.postingId(), amount, command.description(),
                command.reference(), state.balance().minus(amount)));
    }

    @CommandHandler
    void handle(RecordPayment command, PostingIds postingIds) {
        requireOpen();
        String billId = AccountRules.blankToNull(command.billId());
        if (billId != null && state.receivables().item(billId).isEmpty()) {
            // checked before the posting id is claimed: a refused payment records nothing, and may be sent again
            throw new LedgerRefusal(ErrorCode.BILL_NOT_OPEN, "Account " + accountId + " has no open bill " + billId
                    + ": it is unknown, of another account, or settled already.", Map.of("billId", "is not open"));
        }
        post(command, postingIds, amount -> new PaymentRecorded(accountId, command.postingId(), amount, command.description(),
                command.reference(), state.balance().minus(amount), billId));
    }

    @CommandHandler
    void handle(PostAdjustment command, PostingIds postingIds) {
        if (command.direction() == null) {
            throw AccountRules.invalid("direction", "must be DEBIT or CREDIT");
        }
        AccountRules.requireText(command.reason(), "reason");
        post(command, postingIds, amount -> new AdjustmentPosted(accountId, command.postingId(), amount, command.direction(),
                command.reason(), state.balance().plus(command.direction().signed(amount))));
    }

    @CommandHandler
    void handle(CloseAccount command, AccountSubscriptions subscriptions) {
        requireOpen();
        Money balance = state.balance();
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

    @CommandHandler
    void handle(InviteCustomerLogin command, CustomerLogins logins) {
        requireOpen();
        AccountRules.requireText(command.tokenHash(), "tokenHash");
        if (command.expiresAt() == null) {
            throw AccountRules.invalid("expiresAt", "is required");
        }
        logins.invite(accountId, command.tokenHash(), command.expiresAt());
        apply(new CustomerLoginInvited(accountId, command.expiresAt()));
    }

    /** Refused alike whatever is wrong with the token, so an anonymous caller learns nothing about the account. */
    @CommandHandler
    void handle(ActivateCustomerLogin command, CustomerLogins logins, Clock clock) {
        Instant now = clock.instant();
        if (state.closed() || !state.activationOutstandingAt(now)
                || !logins.consumeToken(accountId, command.tokenHash())) {
            throw new LedgerRefusal(ErrorCode.ACTIVATION_TOKEN_INVALID,
                    "The activation token is unknown, used, replaced by a newer one or expired.");
        }
        AccountRules.requireText(command.passwordHash(), "passwordHash");
        logins.setPassword(accountId, state.loginAlias(), command.passwordHash(), now);
        apply(new CustomerLoginActivated(accountId, accountId));
    }

    /**
     * Records a posting once per posting id; a repeated id is an accepted no-op, so retries never post twice. The ids
     * are claimed in {@link PostingIds} (a table written in this command's transaction), not kept in the state: the
     * state stays the same size however many postings the account has had.
     */
    private void post(AccountPostingCommand command, PostingIds postingIds, Function<Money, AccountPosting> posting) {
        requireOpen();
        AccountRules.requireText(command.postingId(), "postingId");
        Money amount = AccountRules.amount(command.amount(), command.currency(), state.currency(), "amount", false);
        if (!postingIds.claim(accountId, command.postingId())) {
            return;
        }
        apply(posting.apply(amount));
        // the state folded the posting by the allocation rule; what it settled is recorded in this unit of work
        for (Receivables.Allocation allocation : state.lastAllocations()) {
            apply(new ReceivableAllocated(accountId, command.postingId(), allocation.itemId(), allocation.amount(),
                    allocation.openAfter()));
        }
    }

    private void requireOpen() {
        if (state.closed()) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "Account " + accountId + " is closed");
        }
    }

    @EventSourcingHandler
    void on(AccountOpened event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        accountId = event.accountId();
        state.apply(event, sequenceNumber, timestamp);
    }

    /** Every other event of the stream: {@link AccountState} knows which of them change what. */
    @EventSourcingHandler
    void on(DomainEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant timestamp) {
        state.apply(event, sequenceNumber, timestamp);
    }

    @Override
    public String toString() {
        return "Account[" + accountId + ", balance " + Objects.toString(state.balance())
                + (state.closed() ? ", closed]" : "]");
    }
}
