package org.subledger.command.subscription;

import org.subledger.kernel.catalog.AllowedDuration;
import org.subledger.kernel.catalog.BuyInAdvanceDefinition;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BuyInAdvanceRequested;
import org.subledger.kernel.subscription.RequestBuyInAdvance;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionStreamState;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a subscription may buy its termed services in advance, and which period: only while a buy-in-advance
 * definition is effective (B3), for a number of months that the definition allows the subscription's type (B2). The
 * period bought starts where the subscription is billed through (or where an earlier bought period ends), so the
 * next regular bill comes after it.
 */
final class BuyInAdvancePolicy {

    private BuyInAdvancePolicy() {
    }

    static BuyInAdvanceRequested decide(RequestBuyInAdvance command, SubscriptionStreamState state,
                                        Optional<BuyInAdvanceDefinition> offered) {
        SubscriptionRules.check()
                .required(command.requestId(), "requestId")
                .rule(command.months() >= 1, "months", "must be at least 1")
                .orRefuse("The buy-in-advance request");
        BuyInAdvanceDefinition definition = offered.orElseThrow(() -> new LedgerRefusal(
                ErrorCode.BUY_IN_ADVANCE_NOT_OFFERED, "No buy-in-advance definition is effective: nothing can be "
                + "bought in advance", Map.of("months", "no buy-in-advance definition is effective")));
        String type = state.subscriptionTypeCode();
        boolean allowed = definition.allowedDurations().stream()
                .filter(duration -> duration.subscriptionTypeCode().equals(type))
                .anyMatch(duration -> within(duration, command.months()));
        if (!allowed) {
            throw new LedgerRefusal(ErrorCode.BUY_IN_ADVANCE_DURATION_NOT_ALLOWED, "The buy-in-advance definition "
                    + definition.code() + " allows subscriptions of type " + type + " no duration of "
                    + command.months() + " months", Map.of("months", "not allowed for subscription type " + type
                    + " by " + definition.code()));
        }
        LocalDate from = state.billedThrough() != null ? state.billedThrough() : state.billingAnchor();
        LocalDate bought = state.unbilledBoughtThrough();
        if (bought != null && bought.isAfter(from)) {
            from = bought;
        }
        return new BuyInAdvanceRequested(state.subscriptionId(), state.accountId(), command.requestId(),
                definition.code(), command.months(), command.requestedOn(), from, from.plusMonths(command.months()),
                SubscriptionAction.of(BehaviourCode.REQUEST_BUY_IN_ADVANCE, null));
    }

    private static boolean within(AllowedDuration duration, int months) {
        return months >= duration.minMonths() && months <= duration.maxMonths();
    }
}
