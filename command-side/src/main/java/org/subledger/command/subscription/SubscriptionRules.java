package org.subledger.command.subscription;

import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.subledger.kernel.subscription.SubscriptionState.DEACTIVATED;
import static org.subledger.kernel.subscription.SubscriptionState.DRAFT;
import static org.subledger.kernel.subscription.SubscriptionState.EFFECTIVE;

/**
 * The rules of subscriptions, each refusal naming the field at fault: which action is allowed in which state, the
 * shape of the input, and the provisioning invariant (an effective subscription has a distributor and provides each
 * service on at least one).
 */
final class SubscriptionRules {

    static final ErrorCode SUBSCRIPTION_EXISTS = ErrorCode.SUBSCRIPTION_ALREADY_EXISTS;
    static final ErrorCode STATE_INVALID = ErrorCode.SUBSCRIPTION_STATE_INVALID;
    static final ErrorCode RULE_VIOLATED = ErrorCode.SUBSCRIPTION_RULE_VIOLATED;
    static final ErrorCode SERIAL_IN_USE = ErrorCode.SERIAL_NUMBER_IN_USE;

    /** The states each action may be applied in; a terminated subscription takes no action at all. */
    private static final Map<BehaviourCode, Set<SubscriptionState>> ALLOWED_IN = new EnumMap<>(BehaviourCode.class);

    static {
        Set<SubscriptionState> changeable = EnumSet.of(DRAFT, EFFECTIVE);
        Set<SubscriptionState> live = EnumSet.of(DRAFT, EFFECTIVE, DEACTIVATED);
        ALLOWED_IN.put(BehaviourCode.ACTIVATE, EnumSet.of(DRAFT));
        for (var code : EnumSet.of(BehaviourCode.ADD_SERVICE, BehaviourCode.SWAP_SERVICE,
                BehaviourCode.ADD_INSTALLED_ITEM, BehaviourCode.SWAP_INSTALLED_ITEM, BehaviourCode.ADD_DISTRIBUTOR,
                BehaviourCode.AMEND_BILLING_TERMS)) {
            ALLOWED_IN.put(code, changeable);
        }
        // taking things off (returned hardware, a cancelled service) is still possible while disconnected
        for (var code : EnumSet.of(BehaviourCode.REMOVE_SERVICE, BehaviourCode.REMOVE_INSTALLED_ITEM,
                BehaviourCode.REMOVE_DISTRIBUTOR, BehaviourCode.TERMINATE)) {
            ALLOWED_IN.put(code, live);
        }
        ALLOWED_IN.put(BehaviourCode.DEACTIVATE, EnumSet.of(EFFECTIVE));
        // only a subscription in service buys service in advance
        ALLOWED_IN.put(BehaviourCode.REQUEST_BUY_IN_ADVANCE, EnumSet.of(EFFECTIVE));
        // only a subscription in service is used and sold to; how a service is billed may be set while it is on
        ALLOWED_IN.put(BehaviourCode.RECORD_USAGE, EnumSet.of(EFFECTIVE));
        ALLOWED_IN.put(BehaviourCode.ADD_ONE_OFF_CHARGE, EnumSet.of(EFFECTIVE));
        ALLOWED_IN.put(BehaviourCode.SET_BILLING_DIRECTIVE, live);
        ALLOWED_IN.put(BehaviourCode.REACTIVATE, EnumSet.of(DEACTIVATED));
        // a discount is added to a subscription in service; deciding on it or taking it off needs no service
        ALLOWED_IN.put(BehaviourCode.ADD_DISCOUNT, EnumSet.of(EFFECTIVE));
        for (var code : EnumSet.of(BehaviourCode.APPROVE_DISCOUNT, BehaviourCode.REJECT_DISCOUNT,
                BehaviourCode.REMOVE_DISCOUNT)) {
            ALLOWED_IN.put(code, live);
        }
    }

    private final Map<String, String> problems = new LinkedHashMap<>();

    private SubscriptionRules() {
    }

    static SubscriptionRules check() {
        return new SubscriptionRules();
    }

    SubscriptionRules required(Object value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            problems.putIfAbsent(field, "is required");
        }
        return this;
    }

    SubscriptionRules rule(boolean holds, String field, String problem) {
        if (!holds) {
            problems.merge(field, problem, (earlier, later) -> earlier + "; " + later);
        }
        return this;
    }

    /** Refuses malformed input ({@code VALIDATION_FAILED}) if any field was found at fault. */
    void orRefuse(String what) {
        orRefuse(ErrorCode.VALIDATION_FAILED, what + " is not valid");
    }

    /** Refuses what the catalog does not allow ({@code CATALOG_RULE_VIOLATED}) if any was found. */
    void orRefuseAsCatalogRule(String what) {
        orRefuse(ErrorCode.CATALOG_RULE_VIOLATED, what + " breaks the catalog's rules");
    }

    /** Refuses a breach of the subscription's own rules if any was found. */
    void orRefuseAsSubscriptionRule(String what) {
        orRefuse(RULE_VIOLATED, what + " breaks the subscription's rules");
    }

    void orRefuse(ErrorCode code, String message) {
        if (!problems.isEmpty()) {
            throw new LedgerRefusal(code, message + ": " + problems, problems);
        }
    }

    static void requireState(BehaviourCode action, SubscriptionState state, String subscriptionId) {
        if (!ALLOWED_IN.getOrDefault(action, Set.of()).contains(state)) {
            throw new LedgerRefusal(STATE_INVALID, "Subscription " + subscriptionId + " is " + state + "; "
                    + action + " is not possible", Map.of("state", "is " + state));
        }
    }

    /** An action's business date: given, and not before the subscription was created. */
    static void requireActionDate(LocalDate actionDate, LocalDate createdOn) {
        check().required(actionDate, "actionDate")
                .rule(actionDate == null || createdOn == null || !actionDate.isBefore(createdOn), "actionDate",
                        "must not be before the subscription was created (" + createdOn + ")")
                .orRefuse("The action");
    }

    /** An effective (or deactivated) subscription has a distributor, and provides each service on at least one. */
    static void requireProvisioned(Collection<Distributor> distributors, Collection<SubscriptionService> services,
                                   String what) {
        var rules = check().rule(!distributors.isEmpty(), "distributors",
                "an effective subscription needs at least one distributor");
        services.forEach(service -> rules.rule(!service.distributorIds().isEmpty(), "services",
                service.productCode() + " is provided on no distributor"));
        rules.orRefuseAsSubscriptionRule(what);
    }

    /** Subscription ids are UUIDs: they share the event store with accounts and catalog entries and must not clash. */
    static boolean isUuid(String id) {
        if (id == null) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    static LedgerRefusal exists(String subscriptionId) {
        return new LedgerRefusal(SUBSCRIPTION_EXISTS, "Subscription " + subscriptionId + " exists",
                Map.of("subscriptionId", "is taken"));
    }

    static LedgerRefusal listedTwice(String field, String what) {
        return new LedgerRefusal(RULE_VIOLATED, what + " is listed twice", Map.of(field, what + " is listed twice"));
    }

    static LedgerRefusal notOnSubscription(String field, String what, String subscriptionId) {
        return new LedgerRefusal(RULE_VIOLATED, what + " is not on subscription " + subscriptionId,
                Map.of(field, "is not on the subscription"));
    }

    static LedgerRefusal serialInUse(String serialNumber, String subscriptionId) {
        return new LedgerRefusal(SERIAL_IN_USE, "Serial number " + serialNumber + " is already on subscription "
                + subscriptionId, Map.of("serialNumber", "is already on the subscription"));
    }
}
