package org.subledger.kernel.scheduling;

import org.subledger.kernel.subscription.ActivateSubscription;
import org.subledger.kernel.subscription.AddDistributor;
import org.subledger.kernel.subscription.AddInstalledItem;
import org.subledger.kernel.subscription.AddService;
import org.subledger.kernel.subscription.AmendBillingTerms;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.DeactivateSubscription;
import org.subledger.kernel.subscription.ReactivateSubscription;
import org.subledger.kernel.subscription.RemoveDistributor;
import org.subledger.kernel.subscription.RemoveInstalledItem;
import org.subledger.kernel.subscription.RemoveService;
import org.subledger.kernel.subscription.SwapInstalledItem;
import org.subledger.kernel.subscription.SwapService;
import org.subledger.kernel.subscription.TerminateSubscription;

import java.util.Map;

/**
 * The behaviour code of each command a scheduled action may run ({@link ScheduledCommand}'s list): what a
 * scheduled-actions run selects its actions by.
 */
public final class ScheduledBehaviour {

    static final Map<Class<?>, BehaviourCode> CODES = Map.ofEntries(
            Map.entry(ActivateSubscription.class, BehaviourCode.ACTIVATE),
            Map.entry(AddService.class, BehaviourCode.ADD_SERVICE),
            Map.entry(RemoveService.class, BehaviourCode.REMOVE_SERVICE),
            Map.entry(SwapService.class, BehaviourCode.SWAP_SERVICE),
            Map.entry(AddInstalledItem.class, BehaviourCode.ADD_INSTALLED_ITEM),
            Map.entry(SwapInstalledItem.class, BehaviourCode.SWAP_INSTALLED_ITEM),
            Map.entry(RemoveInstalledItem.class, BehaviourCode.REMOVE_INSTALLED_ITEM),
            Map.entry(AddDistributor.class, BehaviourCode.ADD_DISTRIBUTOR),
            Map.entry(RemoveDistributor.class, BehaviourCode.REMOVE_DISTRIBUTOR),
            Map.entry(AmendBillingTerms.class, BehaviourCode.AMEND_BILLING_TERMS),
            Map.entry(DeactivateSubscription.class, BehaviourCode.DEACTIVATE),
            Map.entry(ReactivateSubscription.class, BehaviourCode.REACTIVATE),
            Map.entry(TerminateSubscription.class, BehaviourCode.TERMINATE));

    private ScheduledBehaviour() {
    }

    /** The behaviour code of a scheduled command; null for anything that is not one. */
    public static BehaviourCode of(Object command) {
        return command == null ? null : CODES.get(command.getClass());
    }
}
