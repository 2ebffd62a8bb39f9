package org.subledger.command.subscription;

import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.BehaviourCode;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Restricts subscription orders and activations by credit-limit status: while an account's balance (what the
 * customer owes) is over its credit limit, the customer may not subscribe, order new services or physical goods, or
 * have a draft activated, unless the billing term scheme of the subscription's terms overrides credit-limit rules.
 * A balance equal to the limit is still within it. Actions that lower what the customer receives (removals,
 * deactivation, termination) and corrections (swapping a faulty installed item, amending terms) are never blocked.
 *
 * <p>Where it is consistent: the subscription's command handler reads the account's own event stream from the event
 * store inside the command's unit of work (see {@link EventStoreSubscriptionLookup}), never a projection, so the
 * balance is the one the account's last posting recorded. The account is another aggregate and is not locked: a
 * posting committed concurrently, between that read and the subscription's commit, is not seen. That window is one
 * command long and accepted: the credit limit is a business control, not an accounting invariant. A refusal throws
 * before anything is applied, so nothing is recorded on the subscription.
 */
final class CreditLimitPolicy {

    /** The actions that order something new or switch it on. */
    private static final Set<BehaviourCode> BLOCKED = EnumSet.of(BehaviourCode.BECOME_SUBSCRIBER,
            BehaviourCode.ADD_SERVICE, BehaviourCode.SWAP_SERVICE, BehaviourCode.ADD_INSTALLED_ITEM,
            BehaviourCode.ACTIVATE);

    private CreditLimitPolicy() {
    }

    /**
     * Refuses the action with {@link ErrorCode#CREDIT_LIMIT_EXCEEDED} when the account is over its limit and the
     * scheme does not override credit-limit rules.
     */
    static void require(BehaviourCode action, AccountFacts account, String billingTermSchemeCode,
                        SubscriptionLookup lookup) {
        if (!BLOCKED.contains(action) || !account.overCreditLimit()) {
            return;
        }
        boolean overridden = billingTermSchemeCode != null && lookup.billingTermScheme(billingTermSchemeCode)
                .map(scheme -> scheme.overrideCreditLimitRules()).orElse(false);
        if (!overridden) {
            throw new LedgerRefusal(ErrorCode.CREDIT_LIMIT_EXCEEDED, "Account " + account.accountId()
                    + " owes " + account.balance() + ", over its credit limit of " + account.creditLimit() + "; "
                    + action + " is refused", Map.of("accountId", "is over its credit limit"));
        }
    }
}
