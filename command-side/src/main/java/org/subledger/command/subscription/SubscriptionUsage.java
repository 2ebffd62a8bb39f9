package org.subledger.command.subscription;

import org.subledger.command.usage.UsageDueDates;
import org.subledger.command.usage.UsageRecordIds;
import org.subledger.command.wallet.PrepaidWallets;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.Condition;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.UsageServiceEntry;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionStreamState;
import org.subledger.kernel.subscription.UsageTally;
import org.subledger.kernel.usage.AddOneOffCharge;
import org.subledger.kernel.usage.BillingDirectiveSet;
import org.subledger.kernel.usage.OneOffChargeAdded;
import org.subledger.kernel.usage.RecordUsage;
import org.subledger.kernel.usage.RecordUsageBatch;
import org.subledger.kernel.usage.SetBillingDirective;
import org.subledger.kernel.usage.UsageBillingDue;
import org.subledger.kernel.usage.UsageBillingReason;
import org.subledger.kernel.usage.UsageRecord;
import org.subledger.kernel.usage.UsageRecorded;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The part of a subscription that feeds its bills beyond the termed services: usage detail records rated by their
 * usage catalog, one-off charges, and each service's billing directive. It reads which usage is still unbilled
 * (cleared by {@link SubscriptionBilled}) and asks for an early usage bill ({@link UsageBillingDue}) when the billing
 * term scheme is prepaid or its maximum unbilled amount or number of records is reached. Record ids and charge ids are
 * the clients' own: a repeat records nothing, so a client may retry freely. Usage record ids are kept in
 * {@link UsageRecordIds}, not here, so the state stays the size of one billing period's usage.
 *
 * <p>It decides on the {@link Subscription} aggregate's state, {@link SubscriptionStreamState}, and keeps none of
 * its own: what it records is folded there, with every other event of the stream.
 */
final class SubscriptionUsage {

    /** What of the subscription the usage rules look at. */
    record Facts(String subscriptionId, String accountId, String subscriptionTypeCode, BillingTerms billingTerms,
                 Map<String, SubscriptionService> services) {
    }

    /**
     * The outcome of recording usage: the record ids accepted, those skipped as already seen, and those refused (each
     * with its refusal; only a batch refuses records one by one).
     */
    record Outcome(String subscriptionId, List<String> accepted, List<String> duplicates, List<Refused> refused) {

        Outcome(String subscriptionId, List<String> accepted, List<String> duplicates) {
            this(subscriptionId, accepted, duplicates, List.of());
        }
    }

    /** A record refused by the usage rules, and why. */
    record Refused(String recordId, RefusalDetails problem) {
    }

    /** The subscription's state (the one fold of its stream): what is unbilled, which charge ids were added. */
    private final SubscriptionStreamState state;

    SubscriptionUsage(SubscriptionStreamState state) {
        this.state = state;
    }

    /** Every record passes or none is recorded (a refused record refuses the command). */
    Outcome record(RecordUsage command, Facts subscription, SubscriptionLookup lookup, UsageRecordIds recordIds,
                   UsageDueDates dueDates, PrepaidWallets wallets, LocalDate today) {
        return record(command.records(), true, subscription, lookup, recordIds, dueDates, wallets, today, null);
    }

    /** Each record on its own: a refused record is reported and the others are recorded. */
    Outcome record(RecordUsageBatch command, Facts subscription, SubscriptionLookup lookup, UsageRecordIds recordIds,
                   UsageDueDates dueDates, PrepaidWallets wallets, LocalDate today) {
        return record(command.records(), false, subscription, lookup, recordIds, dueDates, wallets, today, null);
    }

    /**
     * As {@link #record(RecordUsageBatch, Facts, SubscriptionLookup, UsageRecordIds, UsageDueDates, PrepaidWallets,
     * LocalDate)}, for a mediation batch recorded as one event: the accepted records go to {@code batch} instead of
     * the subscription's stream when its usage is not paid from the wallet ({@link #recordedInBatch}); otherwise
     * each is a {@code UsageRecorded} on the stream, as always.
     */
    Outcome record(RecordUsageBatch command, Facts subscription, SubscriptionLookup lookup, UsageRecordIds recordIds,
                   UsageDueDates dueDates, PrepaidWallets wallets, LocalDate today, UsageBatch batch) {
        return record(command.records(), false, subscription, lookup, recordIds, dueDates, wallets, today, batch);
    }

    private Outcome record(List<UsageRecord> records, boolean allOrNothing, Facts subscription,
                           SubscriptionLookup lookup, UsageRecordIds recordIds, UsageDueDates dueDates,
                           PrepaidWallets wallets, LocalDate today, UsageBatch batch) {
        var shape = SubscriptionRules.check().rule(!records.isEmpty(), "records", "at least one record");
        for (int i = 0; i < records.size(); i++) {
            UsageRecord record = records.get(i);
            shape.required(record, "records[" + i + "]");
            if (record != null) {
                shape.required(record.recordId(), "records[" + i + "].recordId")
                        .required(record.productCode(), "records[" + i + "].productCode")
                        .required(record.usedAt(), "records[" + i + "].usedAt");
            }
        }
        shape.orRefuse("The usage");

        Set<String> seen = new HashSet<>(recordIds.recorded(subscription.subscriptionId(),
                records.stream().map(UsageRecord::recordId).distinct().toList()));
        // the account's facts only when a catalog's select conditions ask for them: reading them folds the
        // account's whole stream, whose postings grow with its history
        var facts = new ConditionFacts(subscription, lookup);
        Map<String, List<UsageCatalogDefinition>> catalogs = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        Map<String, UsageRecorded> rated = new LinkedHashMap<>();
        for (UsageRecord record : records) {
            if (!seen.add(record.recordId())) {
                duplicates.add(record.recordId());
                continue;
            }
            try {
                rated.put(record.recordId(), rate(record, subscription, lookup, catalogs, facts, today));
            } catch (LedgerRefusal refusal) {
                if (allOrNothing) {
                    throw refusal;
                }
                refused.add(new Refused(record.recordId(), refusal.details()));
            }
        }
        var wallet = paidFromWallet(subscription, lookup, wallets, rated, refused, allOrNothing);
        // nothing is applied before every record was decided: in all-or-nothing mode a refusal left nothing behind
        Set<String> claimed = recordIds.claim(subscription.subscriptionId(), rated.keySet());
        List<UsageRecorded> accepted = new ArrayList<>();
        rated.forEach((recordId, event) -> {
            if (claimed.contains(recordId)) {
                accepted.add(event);
            } else {
                duplicates.add(recordId); // recorded by a concurrent command that committed first
            }
        });
        boolean inBatch = batch != null && wallet == null && recordedInBatch(subscription, lookup);
        UsageTally inBatches = null; // this subscription's unbilled usage off its stream, when in a batch
        LocalDate earliest = null;
        for (UsageRecorded event : accepted) {
            if (inBatch) {
                batch.add(event);
                inBatches = new UsageTally(1, event.amount()).plus(inBatches);
            } else {
                apply(event);
            }
            LocalDate usedOn = event.usedAt().toLocalDate();
            earliest = earliest == null || usedOn.isBefore(earliest) ? usedOn : earliest;
        }
        if (earliest != null) {
            dueDates.usedOn(subscription.subscriptionId(), earliest); // the next run by that date bills it
        }
        if (wallet != null) {
            accepted.stream().filter(event -> event.amount().isPositive())
                    .forEach(event -> wallet.consume(event.subscriptionId(), event.recordId(), event.amount()));
        }
        if (!accepted.isEmpty()) {
            if (inBatches != null && earlyUsageBills(subscription, lookup)) {
                inBatches = inBatches.plus(batch.unbilledBefore(subscription.subscriptionId()).orElse(null));
            }
            UsageTally unbilled = plus(streamUnbilled(), inBatches);
            if (unbilled != null) {
                billingDue(subscription, lookup, unbilled).map(reason -> new UsageBillingDue(
                        subscription.subscriptionId(), subscription.accountId(), reason, unbilled.amount(),
                        (int) Math.min(Integer.MAX_VALUE, unbilled.records()), action(BehaviourCode.RECORD_USAGE)))
                        .ifPresent(due -> {
                            if (inBatch) {
                                // off the stream, as the batch's records: a usage bill being written to the stream
                                // meanwhile does not make the whole batch conflict (the bill checks it is still due)
                                batch.billingDue(due);
                            } else {
                                apply(due);
                            }
                        });
            }
        }
        return new Outcome(subscription.subscriptionId(), accepted.stream().map(UsageRecorded::recordId).toList(),
                List.copyOf(duplicates), List.copyOf(refused));
    }

    /**
     * On a scheme settled from the wallet, each rated record is paid from the account's wallet as it is recorded: a
     * record the funds left cannot cover is refused ({@code WALLET_INSUFFICIENT_FUNDS}) and records nothing, the
     * records before it keep their share. The wallet stays locked by this unit of work until it commits, so what it
     * holds now is what the consumptions are taken from; they are applied only for the records claimed, so a record
     * a concurrent command recorded first is not paid twice. {@code null}: not paid from a wallet.
     */
    private static PrepaidWallets.PrepaidWallet paidFromWallet(Facts subscription, SubscriptionLookup lookup,
                                                               PrepaidWallets wallets,
                                                               Map<String, UsageRecorded> rated,
                                                               List<Refused> refused, boolean allOrNothing) {
        if (rated.isEmpty() || !lookup.billingTermScheme(subscription.billingTerms().billingTermSchemeCode())
                .map(BillingTermSchemeDefinition::settledFromWallet).orElse(false)) {
            return null;
        }
        var wallet = wallets.of(subscription.accountId());
        Money left = null;
        var records = rated.entrySet().iterator();
        while (records.hasNext()) {
            var record = records.next();
            Money amount = record.getValue().amount();
            left = left == null ? wallet.balance(amount.currency()) : left;
            if (!amount.isGreaterThan(left)) {
                left = left.minus(amount);
                continue;
            }
            var refusal = new LedgerRefusal(ErrorCode.WALLET_INSUFFICIENT_FUNDS, "Usage " + record.getKey()
                    + " of " + amount + " is refused: the wallet of account " + subscription.accountId()
                    + " holds " + left, Map.of("amount", "is more than the wallet holds"));
            if (allOrNothing) {
                throw refusal;
            }
            refused.add(new Refused(record.getKey(), refusal.details()));
            records.remove();
        }
        return wallet;
    }

    /** U1-U3: the record rated by its usage service's time-of-day rate, or refused. */
    private static UsageRecorded rate(UsageRecord record, Facts subscription, SubscriptionLookup lookup,
                                      Map<String, List<UsageCatalogDefinition>> catalogs, ConditionFacts facts,
                                      LocalDate today) {
        LocalDate usedOn = record.usedAt().toLocalDate();
        var offering = catalogs.computeIfAbsent(record.productCode(), lookup::usageCatalogsOffering);
        var catalog = orderable(record, offering, facts);
        UsageServiceEntry entry = entry(catalog, record.productCode());
        var related = subscription.services().get(entry.relatedTermedService());
        if (related == null || related.effectiveDate() != null && related.effectiveDate().isAfter(usedOn)) {
            throw new LedgerRefusal(ErrorCode.RELATED_SERVICE_NOT_EFFECTIVE, "Usage " + record.recordId()
                    + " of " + record.productCode() + " needs service " + entry.relatedTermedService()
                    + " effective on subscription " + subscription.subscriptionId() + " on " + usedOn,
                    Map.of("productCode", "needs " + entry.relatedTermedService() + " effective on " + usedOn));
        }
        var rating = entry.rate().rate(record.usedAt().toLocalTime());
        return new UsageRecorded(subscription.subscriptionId(), subscription.accountId(),
                record.recordId(), record.productCode(), catalog.code(), entry.relatedTermedService(),
                record.usedAt(), rating.amount(), rating.explanation().get(0), today,
                action(BehaviourCode.RECORD_USAGE));
    }

    void addOneOffCharge(AddOneOffCharge command, Facts subscription, OfferingPolicy offering,
                         SubscriptionLookup lookup) {
        SubscriptionRules.check().required(command.chargeId(), "chargeId")
                .required(command.productCode(), "productCode")
                .required(command.chargedOn(), "chargedOn")
                .rule(command.units() >= 1, "units", "must be at least 1")
                .orRefuse("The one-off charge");
        if (state.hasOneOffCharge(command.chargeId())) {
            return; // a retry of a charge already added
        }
        offering.oneOffProduct(command.productCode());
        String plan = subscription.billingTerms().pricePlanCode();
        SubscriptionRules.check()
                .rule(lookup.rateInForce(plan, command.productCode(), command.chargedOn()).isPresent(),
                        "productCode", "has no rate in price plan " + plan + " on " + command.chargedOn())
                .orRefuseAsCatalogRule("The one-off charge of " + command.productCode());
        apply(new OneOffChargeAdded(subscription.subscriptionId(), command.chargeId(), command.productCode(),
                command.units(), command.chargedOn(), command.description(),
                action(BehaviourCode.ADD_ONE_OFF_CHARGE)));
    }

    /** The service is on the subscription (the aggregate checked); setting its current directive is a no-op. */
    void setBillingDirective(SetBillingDirective command, String subscriptionId) {
        SubscriptionRules.check().required(command.directive(), "directive").orRefuse("The billing directive");
        if (state.directive(command.productCode()) != command.directive()) {
            apply(new BillingDirectiveSet(subscriptionId, command.productCode(), command.directive(),
                    command.reason(), command.actionDate(), action(BehaviourCode.SET_BILLING_DIRECTIVE)));
        }
    }

    /** The first usage catalog listing the service that is valid, orderable and selectable on the usage date. */
    private static UsageCatalogDefinition orderable(UsageRecord record, List<UsageCatalogDefinition> offering,
                                                    ConditionFacts facts) {
        LocalDate on = record.usedAt().toLocalDate();
        String why = "is in no usage catalog";
        for (var catalog : offering) {
            if (!catalog.validity().contains(on)) {
                why = "its usage catalog " + catalog.code() + " is not valid on " + on;
            } else if (!entry(catalog, record.productCode()).orderable().contains(on)) {
                why = "is not orderable on " + on + " in usage catalog " + catalog.code();
            } else if (!facts.allHold(catalog.selectConditions())) {
                why = "usage catalog " + catalog.code() + " may not be selected for this subscription";
            } else {
                return catalog;
            }
        }
        throw new LedgerRefusal(ErrorCode.USAGE_SERVICE_NOT_ORDERABLE, "Usage " + record.recordId() + " of "
                + record.productCode() + " is refused: " + record.productCode() + " " + why,
                Map.of("productCode", why));
    }

    private static UsageServiceEntry entry(UsageCatalogDefinition catalog, String productCode) {
        return catalog.services().stream().filter(service -> service.productCode().equals(productCode))
                .findFirst().orElseThrow();
    }

    /**
     * Whether the subscription's usage may be recorded in a batch's one event: its billing term scheme does not settle
     * usage from the wallet (each record is paid from it as it is recorded, {@link #paidFromWallet}, so those records
     * stay on the stream with their consumptions). A scheme that bills usage early decides on the stream's unbilled
     * usage and the batches' together ({@link UsageBatch#unbilledBefore}).
     */
    static boolean recordedInBatch(Facts subscription, SubscriptionLookup lookup) {
        return subscription.billingTerms() != null
                && lookup.billingTermScheme(subscription.billingTerms().billingTermSchemeCode())
                .map(terms -> !terms.settledFromWallet())
                .orElse(false);
    }

    /** Whether the scheme asks for a usage bill before the bill run: prepaid, or at an amount or number of records. */
    static boolean earlyUsageBills(Facts subscription, SubscriptionLookup lookup) {
        return lookup.billingTermScheme(subscription.billingTerms().billingTermSchemeCode())
                .map(terms -> terms.prepaid() || terms.maxUnbilledUsageAmount() != null
                        || terms.maxUnbilledUsageRecords() != null)
                .orElse(false);
    }

    /** The unbilled usage on the subscription's stream ({@code UsageRecorded} events no bill has listed yet). */
    private UsageTally streamUnbilled() {
        return state.unbilledUsageRecords() <= 0 || state.unbilledUsageTotal() == null ? null
                : new UsageTally(state.unbilledUsageRecords(), state.unbilledUsageTotal());
    }

    private static UsageTally plus(UsageTally one, UsageTally other) {
        return one == null ? other : one.plus(other);
    }

    /** Whether the scheme asks for a usage bill now, on this unbilled usage (the stream's and the batches'). */
    private static Optional<UsageBillingReason> billingDue(Facts subscription, SubscriptionLookup lookup,
                                                           UsageTally unbilled) {
        return lookup.billingTermScheme(subscription.billingTerms().billingTermSchemeCode())
                .flatMap(unbilled::billingDue);
    }

    /** The account's and the subscription's facts a usage catalog's select conditions look at, read once if asked. */
    private static final class ConditionFacts {

        private final Facts subscription;
        private final SubscriptionLookup lookup;
        private Map<ConditionAttribute, String> facts;

        ConditionFacts(Facts subscription, SubscriptionLookup lookup) {
            this.subscription = subscription;
            this.lookup = lookup;
        }

        boolean allHold(List<Condition> conditions) {
            return conditions == null || conditions.isEmpty() || Condition.allHold(conditions, facts());
        }

        private Map<ConditionAttribute, String> facts() {
            if (facts == null) {
                facts = lookup.account(subscription.accountId()).map(AccountFacts::conditionFacts)
                        .orElseGet(() -> new EnumMap<>(ConditionAttribute.class));
                facts.put(ConditionAttribute.SUBSCRIPTION_TYPE, subscription.subscriptionTypeCode());
                BillingTerms terms = subscription.billingTerms();
                if (terms != null) {
                    facts.put(ConditionAttribute.BILLING_TERM_SCHEME, terms.billingTermSchemeCode());
                    if (terms.billingFrequency() != null) {
                        facts.put(ConditionAttribute.BILLING_FREQUENCY, terms.billingFrequency().name());
                    }
                }
            }
            return facts;
        }
    }

    private static SubscriptionAction action(BehaviourCode code) {
        return SubscriptionAction.of(code, null);
    }
}
