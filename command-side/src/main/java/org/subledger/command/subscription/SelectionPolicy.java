package org.subledger.command.subscription;

import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Controlled selection: a subscription type or price plan restricted to some organisational units may be selected
 * only by their members, members of collaborating units, and super users. The ledger's own commands (no scope) select
 * anything. The refusal names the entry, and nothing is recorded.
 */
final class SelectionPolicy {

    private SelectionPolicy() {
    }

    static void requireSelectable(AccessScope scope, SubscriptionTypeDefinition type) {
        require(scope, type.allowedOrganisationalUnits(), "subscriptionTypeCode", "Subscription type", type.code());
    }

    static void requirePlanSelectable(AccessScope scope, String pricePlanCode, SubscriptionLookup lookup) {
        if (scope == null || pricePlanCode == null) {
            return;
        }
        lookup.pricePlan(pricePlanCode).ifPresent(plan -> require(scope, plan.allowedOrganisationalUnits(),
                "pricePlanCode", "Price plan", plan.code()));
    }

    private static void require(AccessScope scope, List<String> allowedUnits, String field, String entry,
                                String code) {
        if (scope != null && !scope.maySelect(Set.copyOf(allowedUnits))) {
            throw new LedgerRefusal(ErrorCode.CATALOG_ENTRY_NOT_ALLOWED, entry + " " + code
                    + " may only be selected by the units it is restricted to",
                    Map.of(field, code + " is restricted to " + String.join(", ", allowedUnits)));
        }
    }
}
