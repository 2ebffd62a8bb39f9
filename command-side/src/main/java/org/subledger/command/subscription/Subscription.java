package org.subledger.command.subscription;

import org.subledger.command.usage.UsageDueDates;
import org.subledger.command.usage.UsageRecordIds;
import org.subledger.command.wallet.PrepaidWallets;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.command.serial.SerialNumbers;
import org.subledger.command.access.CommandScopes;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.discount.AddDiscount;
import org.subledger.kernel.discount.ApproveDiscount;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.discount.RejectDiscount;
import org.subledger.kernel.discount.RemoveDiscount;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.ActivateSubscription;
import org.subledger.kernel.subscription.AddDistributor;
import org.subledger.kernel.subscription.AddInstalledItem;
import org.subledger.kernel.subscription.AddService;
import org.subledger.kernel.subscription.AmendBillingTerms;
import org.subledger.kernel.subscription.BecomeSubscriber;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.BillingTermsAmended;
import org.subledger.kernel.subscription.DeactivateSubscription;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.DistributorAdded;
import org.subledger.kernel.subscription.DistributorRemoved;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.InstalledItemAdded;
import org.subledger.kernel.subscription.InstalledItemRemoved;
import org.subledger.kernel.subscription.InstalledItemSwapped;
import org.subledger.kernel.subscription.ReactivateSubscription;
import org.subledger.kernel.subscription.RemoveDistributor;
import org.subledger.kernel.subscription.RemoveInstalledItem;
import org.subledger.kernel.subscription.RemoveService;
import org.subledger.kernel.subscription.RequestBuyInAdvance;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.ServiceSwapped;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SubscriptionEvent;
import org.subledger.kernel.subscription.SubscriptionReactivated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionStreamState;
import org.subledger.kernel.subscription.SubscriptionTerminated;
import org.subledger.kernel.subscription.SwapInstalledItem;
import org.subledger.kernel.subscription.SwapService;
import org.subledger.kernel.subscription.TerminateSubscription;
import org.subledger.kernel.usage.AddOneOffCharge;
import org.subledger.kernel.usage.RecordUsage;
import org.subledger.kernel.usage.RecordUsageBatch;
import org.subledger.kernel.usage.SetBillingDirective;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.subledger.kernel.subscription.SubscriptionState.DRAFT;
import static org.subledger.kernel.subscription.SubscriptionState.EFFECTIVE;

/**
 * A subscription: the termed services, installed items and distributors an accounts-receivable account's customer
 * receives under one subscription type and its billing terms. Every change is a subscription action whose event
 * records its behaviour code. Owns the invariants: the account exists and is open, everything on it is allowed by
 * its type and the catalog, an effective subscription has a distributor and provides each service on one, a serial
 * number is on it once, each action only in the states that allow it, and a draft is billed from its activation.
 * With the {@link SerialNumbers} it claims in the same unit of work, a serial number is on one subscription at a
 * time; with {@link CreditLimitPolicy}, an account over its credit limit orders nothing new. Usage, one-off charges
 * and billing directives are {@link SubscriptionUsage}'s, ad hoc discounts {@link SubscriptionDiscounts}'. What it
 * decides with is {@link SubscriptionStreamState}, the one fold of its stream that billing reads too: its
 * event-sourcing handlers only hand the events to it.
 */
// the revision of its snapshots' shape: raise it whenever a field is added, removed or changes meaning, so older
// snapshots are ignored (the stream is folded from its start) rather than read with a field missing. 2: the state is
// the stream's one fold, SubscriptionStreamState, which billing reads too; it holds the owning unit. 3: it holds the
// discounts. 4: it holds the periods bought in advance. 5: its interruptions (maturity criteria of discounts). 6: the
// usage billed per day (usage totals of discounts). 7: the unbilled usage records' count and total, not the records
// (a snapshot's size no longer grows with the usage, issue 17); a revision 6 snapshot is ignored
@Revision("7")
@Aggregate(snapshotTriggerDefinition = SubscriptionSnapshots.TRIGGER, cache = SubscriptionSnapshots.CACHE)
class Subscription {

    @AggregateIdentifier
    private String subscriptionId;
    private SubscriptionStreamState state = new SubscriptionStreamState();

    Subscription() {
        // for Axon's event sourcing
    }

    /**
     * A user whose access scope may not change this subscription is answered as if it did not exist, and nothing is
     * recorded; the ledger's own commands (no scope) may change every subscription.
     */
    @CommandHandlerInterceptor
    Object checkAccess(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        requireInScope(CommandScopes.of(command.getMetaData()));
        return chain.proceed();
    }

    private void requireInScope(AccessScope scope) {
        if (subscriptionId != null && scope != null && !scope.mayChange(state.owningUnit())) {
            throw LedgerRefusal.outOfScope(ErrorCode.SUBSCRIPTION_NOT_FOUND, "subscription", subscriptionId,
                    "No record with id " + subscriptionId);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BecomeSubscriber command, SubscriptionLookup lookup, SerialNumbers serialNumbers,
                MetaData metaData) {
        // (an id whose history is another aggregate's, in the shared event store, never gets here: Axon refuses
        // to source a Subscription from it with an IncompatibleAggregateException, recording nothing)
        if (subscriptionId != null) {
            throw SubscriptionRules.exists(command.subscriptionId());
        }
        SubscriptionRules.check()
                .rule(SubscriptionRules.isUuid(command.subscriptionId()), "subscriptionId", "must be a UUID")
                .required(command.accountId(), "accountId")
                .required(command.subscriptionTypeCode(), "subscriptionTypeCode")
                .required(command.actionDate(), "actionDate")
                .rule(command.initialState() == DRAFT || command.initialState() == EFFECTIVE, "initialState",
                        "must be DRAFT or EFFECTIVE")
                .orRefuse("The subscription");
        AccessScope scope = CommandScopes.of(metaData);
        String owning = CommandScopes.owningUnit(command.owningUnit(), scope);
        AccountFacts account = owner(command.accountId(), lookup, scope);
        var offering = OfferingPolicy.of(command.subscriptionTypeCode(), lookup, command.actionDate());
        SelectionPolicy.requireSelectable(scope, offering.type());
        BillingTerms terms = BillingTermsPolicy.settle(command.billingTerms(), offering.type(), account, lookup,
                command.actionDate());
        SelectionPolicy.requirePlanSelectable(scope, terms.pricePlanCode(), lookup);
        CreditLimitPolicy.require(BehaviourCode.BECOME_SUBSCRIBER, account, terms.billingTermSchemeCode(), lookup);

        Map<String, Distributor> newDistributors = new LinkedHashMap<>();
        for (Distributor requested : command.distributors()) {
            var distributor = offering.distributor(requested);
            if (newDistributors.putIfAbsent(distributor.distributorId(), distributor) != null) {
                throw SubscriptionRules.listedTwice("distributors", distributor.distributorId());
            }
        }
        Map<String, SubscriptionService> newServices = new LinkedHashMap<>();
        for (SubscriptionService requested : command.services()) {
            var service = offering.service(requested);
            requireKnownDistributors(service, newDistributors.keySet());
            if (newServices.putIfAbsent(service.productCode(), service) != null) {
                throw SubscriptionRules.listedTwice("services", service.productCode());
            }
        }
        Map<String, InstalledItem> newItems = new LinkedHashMap<>();
        for (InstalledItem requested : command.installedItems()) {
            var item = offering.installedItem(requested);
            if (newItems.putIfAbsent(item.serialNumber(), item) != null) {
                throw SubscriptionRules.serialInUse(item.serialNumber(), command.subscriptionId());
            }
        }
        if (command.initialState() == EFFECTIVE) {
            SubscriptionRules.requireProvisioned(newDistributors.values(), newServices.values(),
                    "An effective subscription");
        }
        newItems.values().forEach(item -> serialNumbers.claim(item.serialNumber(), item.productCode(),
                command.subscriptionId()));
        apply(new SubscriptionCreated(command.subscriptionId(), account.accountId(), offering.type().code(),
                command.initialState(), terms, orDefault(command.location(), account.address()),
                orDefault(command.billingAddress(), account.address()), List.copyOf(newDistributors.values()),
                List.copyOf(newServices.values()), List.copyOf(newItems.values()), command.actionDate(),
                action(BehaviourCode.BECOME_SUBSCRIBER, command.classification()),
                owning));
    }

    /** The installer activates a draft: its services are billed from the activation date, not the draft's. */
    @CommandHandler
    void handle(ActivateSubscription command, SubscriptionLookup lookup) {
        require(BehaviourCode.ACTIVATE, command.actionDate());
        requireWithinCreditLimit(BehaviourCode.ACTIVATE, lookup);
        SubscriptionRules.requireProvisioned(state.distributors().values(), state.services().values(),
                "Subscription " + subscriptionId);
        LocalDate on = command.actionDate();
        var billedFromActivation = state.services().values().stream().map(service -> new SubscriptionService(
                service.productCode(), service.components(), laterOf(service.effectiveDate(), on),
                laterOf(service.billablePeriodStartDate(), on), laterOf(service.billingEffectiveDate(), on),
                service.distributorIds())).toList();
        apply(new SubscriptionActivated(subscriptionId, on, billedFromActivation,
                action(BehaviourCode.ACTIVATE, command.classification())));
    }

    @CommandHandler
    void handle(AddService command, SubscriptionLookup lookup) {
        require(BehaviourCode.ADD_SERVICE, command.actionDate());
        requireWithinCreditLimit(BehaviourCode.ADD_SERVICE, lookup);
        var service = offering(lookup, command.actionDate()).service(command.service());
        SubscriptionRules.check().rule(!state.services().containsKey(service.productCode()), "productCode",
                "is already on the subscription").orRefuseAsSubscriptionRule("The service " + service.productCode());
        requireKnownDistributors(service, state.distributors().keySet());
        requireProvisionedIfLive(state.distributors().values(), List.of(service));
        apply(new ServiceAdded(subscriptionId, service, command.actionDate(),
                action(BehaviourCode.ADD_SERVICE, command.classification())));
    }

    @CommandHandler
    void handle(RemoveService command) {
        require(BehaviourCode.REMOVE_SERVICE, command.actionDate());
        requireService(command.productCode());
        apply(new ServiceRemoved(subscriptionId, command.productCode(), command.actionDate(),
                action(BehaviourCode.REMOVE_SERVICE, command.classification())));
    }

    @CommandHandler
    void handle(SwapService command, SubscriptionLookup lookup) {
        require(BehaviourCode.SWAP_SERVICE, command.actionDate());
        requireWithinCreditLimit(BehaviourCode.SWAP_SERVICE, lookup);
        SubscriptionRules.check().required(command.replacement(), "replacement").orRefuse("The swap");
        var previous = requireService(command.productCode());
        var requested = command.replacement();
        if (requested.distributorIds().isEmpty()) {
            requested = new SubscriptionService(requested.productCode(), requested.components(),
                    requested.effectiveDate(), requested.billablePeriodStartDate(), requested.billingEffectiveDate(),
                    previous.distributorIds());
        }
        var service = offering(lookup, command.actionDate()).service(requested);
        SubscriptionRules.check().rule(!state.services().containsKey(service.productCode()),
                "replacement.productCode", "is already on the subscription")
                .orRefuseAsSubscriptionRule("The service " + service.productCode());
        requireKnownDistributors(service, state.distributors().keySet());
        requireProvisionedIfLive(state.distributors().values(), List.of(service));
        apply(new ServiceSwapped(subscriptionId, previous.productCode(), service, command.actionDate(),
                action(BehaviourCode.SWAP_SERVICE, command.classification())));
    }

    @CommandHandler
    void handle(AddInstalledItem command, SubscriptionLookup lookup, SerialNumbers serialNumbers) {
        require(BehaviourCode.ADD_INSTALLED_ITEM, command.actionDate());
        requireWithinCreditLimit(BehaviourCode.ADD_INSTALLED_ITEM, lookup);
        var item = offering(lookup, command.actionDate()).installedItem(command.item());
        if (state.installedItems().containsKey(item.serialNumber())) {
            throw SubscriptionRules.serialInUse(item.serialNumber(), subscriptionId);
        }
        serialNumbers.claim(item.serialNumber(), item.productCode(), subscriptionId);
        apply(new InstalledItemAdded(subscriptionId, item, command.actionDate(),
                action(BehaviourCode.ADD_INSTALLED_ITEM, command.classification())));
    }

    @CommandHandler
    void handle(SwapInstalledItem command, SubscriptionLookup lookup, SerialNumbers serialNumbers) {
        require(BehaviourCode.SWAP_INSTALLED_ITEM, command.actionDate());
        var previous = requireInstalledItem(command.serialNumber());
        var item = offering(lookup, command.actionDate()).installedItem(command.replacement());
        if (state.installedItems().containsKey(item.serialNumber())) {
            throw SubscriptionRules.serialInUse(item.serialNumber(), subscriptionId);
        }
        serialNumbers.claim(item.serialNumber(), item.productCode(), subscriptionId);
        serialNumbers.release(previous.serialNumber(), subscriptionId);
        apply(new InstalledItemSwapped(subscriptionId, previous, item, command.actionDate(),
                action(BehaviourCode.SWAP_INSTALLED_ITEM, command.classification())));
    }

    @CommandHandler
    void handle(RemoveInstalledItem command, SerialNumbers serialNumbers) {
        require(BehaviourCode.REMOVE_INSTALLED_ITEM, command.actionDate());
        var item = requireInstalledItem(command.serialNumber());
        serialNumbers.release(item.serialNumber(), subscriptionId);
        apply(new InstalledItemRemoved(subscriptionId, item, command.actionDate(),
                action(BehaviourCode.REMOVE_INSTALLED_ITEM, command.classification())));
    }

    @CommandHandler
    void handle(AddDistributor command, SubscriptionLookup lookup) {
        require(BehaviourCode.ADD_DISTRIBUTOR, command.actionDate());
        var distributor = offering(lookup, command.actionDate()).distributor(command.distributor());
        Set<String> provided = command.services() == null ? Set.of() : command.services();
        var rules = SubscriptionRules.check().rule(!state.distributors().containsKey(distributor.distributorId()),
                "distributorId", "is already on the subscription");
        provided.forEach(code -> rules.rule(state.services().containsKey(code), "services",
                code + " is not on the subscription"));
        rules.orRefuseAsSubscriptionRule("The distributor " + distributor.distributorId());
        apply(new DistributorAdded(subscriptionId, distributor, provided, command.actionDate(),
                action(BehaviourCode.ADD_DISTRIBUTOR, command.classification())));
    }

    @CommandHandler
    void handle(RemoveDistributor command) {
        require(BehaviourCode.REMOVE_DISTRIBUTOR, command.actionDate());
        String removed = command.distributorId();
        if (removed == null || !state.distributors().containsKey(removed)) {
            throw SubscriptionRules.notOnSubscription("distributorId", "Distributor " + removed, subscriptionId);
        }
        List<Distributor> remaining = new ArrayList<>(state.distributors().values());
        remaining.removeIf(distributor -> distributor.distributorId().equals(removed));
        requireProvisionedIfLive(remaining, state.services().values().stream()
                .map(service -> withDistributors(service, without(service.distributorIds(), removed))).toList());
        apply(new DistributorRemoved(subscriptionId, removed, command.actionDate(),
                action(BehaviourCode.REMOVE_DISTRIBUTOR, command.classification())));
    }

    /** New terms are settled as on creation; left-out dates default from the amendment's date (a new agreement). */
    @CommandHandler
    void handle(AmendBillingTerms command, SubscriptionLookup lookup, MetaData metaData) {
        require(BehaviourCode.AMEND_BILLING_TERMS, command.actionDate());
        var terms = BillingTermsPolicy.settle(command.billingTerms(), offering(lookup, command.actionDate()).type(),
                owner(state.accountId(), lookup, null), lookup, command.actionDate());
        // a plan kept is not selected again: only a change of plan is controlled
        if (!Objects.equals(terms.pricePlanCode(), state.billingTerms().pricePlanCode())) {
            SelectionPolicy.requirePlanSelectable(CommandScopes.of(metaData), terms.pricePlanCode(), lookup);
        }
        if (!terms.equals(state.billingTerms())) {
            apply(new BillingTermsAmended(subscriptionId, terms, command.actionDate(),
                    action(BehaviourCode.AMEND_BILLING_TERMS, command.classification())));
        }
    }

    @CommandHandler
    void handle(DeactivateSubscription command) {
        require(BehaviourCode.DEACTIVATE, command.actionDate());
        apply(new SubscriptionDeactivated(subscriptionId, command.actionDate(),
                action(BehaviourCode.DEACTIVATE, command.classification())));
    }

    @CommandHandler
    void handle(ReactivateSubscription command) {
        require(BehaviourCode.REACTIVATE, command.actionDate());
        apply(new SubscriptionReactivated(subscriptionId, command.actionDate(),
                action(BehaviourCode.REACTIVATE, command.classification())));
    }

    /** Leaving before the binding end date costs the penalty of the billing terms; a draft never bound anybody. */
    @CommandHandler
    void handle(TerminateSubscription command, SerialNumbers serialNumbers) {
        require(BehaviourCode.TERMINATE, command.actionDate());
        state.installedItems().keySet().forEach(serial -> serialNumbers.release(serial, subscriptionId));
        Money penalty = state.billingTerms().earlyTerminationPenalty();
        boolean early = state.everEffective()
                && command.actionDate().isBefore(state.billingTerms().bindingEndDate());
        apply(new SubscriptionTerminated(subscriptionId, state.accountId(), command.actionDate(),
                early && penalty != null && penalty.isPositive() ? penalty : null,
                action(BehaviourCode.TERMINATE, command.classification())));
    }

    /** Usage is recorded on the ledger's date, whatever the date it was used on. */
    @CommandHandler
    SubscriptionUsage.Outcome handle(RecordUsage command, SubscriptionLookup lookup, UsageRecordIds recordIds,
                                     UsageDueDates dueDates, PrepaidWallets wallets, Clock clock) {
        SubscriptionRules.requireState(BehaviourCode.RECORD_USAGE, state.state(), subscriptionId);
        return usage().record(command, usageFacts(), lookup, recordIds, dueDates, wallets, LocalDate.now(clock));
    }

    /** One mediation batch's records of this subscription: one unit of work, one append of all its events. */
    @CommandHandler
    SubscriptionUsage.Outcome handle(RecordUsageBatch command, SubscriptionLookup lookup, UsageRecordIds recordIds,
                                     UsageDueDates dueDates, PrepaidWallets wallets, Clock clock) {
        SubscriptionRules.requireState(BehaviourCode.RECORD_USAGE, state.state(), subscriptionId);
        return usage().record(command, usageFacts(), lookup, recordIds, dueDates, wallets, LocalDate.now(clock));
    }

    /**
     * This subscription's part of a mediation batch of many subscriptions ({@link MediationBatchHandler}), which
     * loads it from its repository instead of sending it a command: the same checks as {@link RecordUsageBatch}'s.
     * {@code batch}: where the records go that the batch's one event holds, or null for none (see
     * {@link SubscriptionUsage#recordedInBatch}).
     */
    SubscriptionUsage.Outcome recordInBatch(RecordUsageBatch records, AccessScope scope, SubscriptionLookup lookup,
                                            UsageRecordIds recordIds, UsageDueDates dueDates,
                                            PrepaidWallets wallets, LocalDate today, UsageBatch batch) {
        requireInScope(scope);
        SubscriptionRules.requireState(BehaviourCode.RECORD_USAGE, state.state(), subscriptionId);
        return usage().record(records, usageFacts(), lookup, recordIds, dueDates, wallets, today, batch);
    }

    /**
     * Whether this subscription's scheme bills usage early (prepaid, or at an amount or a number of records): a
     * mediation batch reads what earlier batches left unbilled for such subscriptions only.
     */
    boolean billsUsageEarly(SubscriptionLookup lookup) {
        var facts = usageFacts();
        return facts.billingTerms() != null && SubscriptionUsage.earlyUsageBills(facts, lookup);
    }

    /** A charge whose date is left out is rated as of today, by the ledger's clock. */
    @CommandHandler
    void handle(AddOneOffCharge command, SubscriptionLookup lookup, Clock clock) {
        LocalDate on = command.chargedOn() != null ? command.chargedOn() : LocalDate.now(clock);
        require(BehaviourCode.ADD_ONE_OFF_CHARGE, on);
        usage().addOneOffCharge(new AddOneOffCharge(subscriptionId, command.chargeId(), command.productCode(),
                command.units(), on, command.description()), usageFacts(), offering(lookup, on), lookup);
    }

    /** A repeat of a request (same request id) records nothing; the bill follows from the event (billing's). */
    @CommandHandler
    void handle(RequestBuyInAdvance command, BuyInAdvanceOffers offers) {
        require(BehaviourCode.REQUEST_BUY_IN_ADVANCE, command.requestedOn());
        if (command.requestId() != null && state.hasBuyInAdvanceRequest(command.requestId())) {
            return;
        }
        apply(BuyInAdvancePolicy.decide(command, state, offers.effective()));
    }

    @CommandHandler
    void handle(SetBillingDirective command) {
        require(BehaviourCode.SET_BILLING_DIRECTIVE, command.actionDate());
        requireService(command.productCode());
        usage().setBillingDirective(command, subscriptionId);
    }

    /** Answers the discount's status: PENDING_APPROVAL or APPROVED (a repeat answers the status it has now). */
    @CommandHandler
    DiscountStatus handle(AddDiscount command, SubscriptionLookup lookup, MetaData metaData) {
        require(BehaviourCode.ADD_DISCOUNT, command.addedOn());
        return discounts().add(command, lookup, CommandScopes.of(metaData));
    }

    @CommandHandler
    void handle(ApproveDiscount command, SubscriptionLookup lookup, MetaData metaData) {
        SubscriptionRules.requireState(BehaviourCode.APPROVE_DISCOUNT, state.state(), subscriptionId);
        discounts().approve(command, lookup, CommandScopes.of(metaData));
    }

    @CommandHandler
    void handle(RejectDiscount command, SubscriptionLookup lookup, MetaData metaData) {
        SubscriptionRules.requireState(BehaviourCode.REJECT_DISCOUNT, state.state(), subscriptionId);
        discounts().reject(command, lookup, CommandScopes.of(metaData));
    }

    @CommandHandler
    void handle(RemoveDiscount command) {
        SubscriptionRules.requireState(BehaviourCode.REMOVE_DISCOUNT, state.state(), subscriptionId);
        discounts().remove(command);
    }

    /** The discount rules, deciding on this subscription's state. */
    private SubscriptionDiscounts discounts() {
        return new SubscriptionDiscounts(subscriptionId, state);
    }

    private SubscriptionUsage.Facts usageFacts() {
        return new SubscriptionUsage.Facts(subscriptionId, state.accountId(), state.subscriptionTypeCode(),
                state.billingTerms(), state.services());
    }

    /** The usage rules, deciding on this subscription's state. */
    private SubscriptionUsage usage() {
        return new SubscriptionUsage(state);
    }

    private void require(BehaviourCode action, LocalDate actionDate) {
        SubscriptionRules.requireState(action, state.state(), subscriptionId);
        SubscriptionRules.requireActionDate(actionDate, state.createdOn());
    }

    /** The owner's credit-limit status as the account's own history records it now (a consistent read). */
    private void requireWithinCreditLimit(BehaviourCode action, SubscriptionLookup lookup) {
        lookup.account(state.accountId()).ifPresent(account -> CreditLimitPolicy.require(action, account,
                state.billingTerms().billingTermSchemeCode(), lookup));
    }

    private OfferingPolicy offering(SubscriptionLookup lookup, LocalDate date) {
        return OfferingPolicy.of(state.subscriptionTypeCode(), lookup, date);
    }

    private SubscriptionService requireService(String productCode) {
        var service = productCode == null ? null : state.services().get(productCode);
        if (service == null) {
            throw SubscriptionRules.notOnSubscription("productCode", "Service " + productCode, subscriptionId);
        }
        return service;
    }

    private InstalledItem requireInstalledItem(String serialNumber) {
        var item = serialNumber == null ? null : state.installedItems().get(serialNumber.strip());
        if (item == null) {
            throw SubscriptionRules.notOnSubscription("serialNumber", "Installed item " + serialNumber,
                    subscriptionId);
        }
        return item;
    }

    /** Once effective (or deactivated), the subscription stays provisioned: a draft may still be incomplete. */
    private void requireProvisionedIfLive(Collection<Distributor> distributorsAfter,
                                          Collection<SubscriptionService> servicesAfter) {
        if (state.state() != DRAFT) {
            SubscriptionRules.requireProvisioned(distributorsAfter, servicesAfter, "Subscription " + subscriptionId);
        }
    }

    private static void requireKnownDistributors(SubscriptionService service, Set<String> known) {
        var rules = SubscriptionRules.check();
        service.distributorIds().forEach(id -> rules.rule(known.contains(id), "distributorIds",
                id + " is not a distributor of the subscription"));
        rules.orRefuseAsSubscriptionRule("The service " + service.productCode());
    }

    private static AccountFacts owner(String accountId, SubscriptionLookup lookup, AccessScope scope) {
        var account = lookup.account(accountId).orElseThrow(() -> new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND,
                "No account " + accountId, Map.of("accountId", "is not an account")));
        if (scope != null && !scope.mayChange(account.owningUnit())) {
            throw LedgerRefusal.outOfScope(ErrorCode.ACCOUNT_NOT_FOUND, "account", accountId,
                    "No account " + accountId, Map.of("accountId", "is not an account"));
        }
        if (account.closed()) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "Account " + accountId + " is closed",
                    Map.of("accountId", "is closed"));
        }
        return account;
    }

    private static SubscriptionAction action(BehaviourCode code, ActionClassification classification) {
        return SubscriptionAction.of(code, classification);
    }

    private static LocalDate laterOf(LocalDate date, LocalDate other) {
        return date == null || date.isBefore(other) ? other : date;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static SubscriptionService withDistributors(SubscriptionService service, Set<String> distributorIds) {
        return new SubscriptionService(service.productCode(), service.components(), service.effectiveDate(),
                service.billablePeriodStartDate(), service.billingEffectiveDate(), distributorIds);
    }

    private static Set<String> without(Set<String> ids, String id) {
        var result = new HashSet<>(ids);
        result.remove(id);
        return result;
    }

    @EventSourcingHandler
    void on(SubscriptionCreated event, @SequenceNumber long sequenceNumber) {
        subscriptionId = event.subscriptionId();
        state.apply(event, sequenceNumber);
    }

    /** Every other event of the stream: {@link SubscriptionStreamState} knows which of them change what. */
    @EventSourcingHandler
    void on(SubscriptionEvent event, @SequenceNumber long sequenceNumber) {
        state.apply(event, sequenceNumber);
    }

    /** The state the subscription decides with: the one fold of its stream, which billing reads too. */
    SubscriptionStreamState state() {
        return state;
    }

    @Override
    public String toString() {
        return "Subscription[" + subscriptionId + ", " + state.state() + ", " + state.services().size()
                + " services]";
    }
}
