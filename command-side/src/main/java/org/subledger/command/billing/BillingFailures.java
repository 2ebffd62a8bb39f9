package org.subledger.command.billing;

import org.subledger.kernel.billing.SubscriptionBillingFailed;
import org.subledger.kernel.error.LedgerRefusal;

import java.util.Objects;

/**
 * When a refusal to bill a subscription is worth recording. {@code SubscriptionBillingFailed} is a business fact
 * (the account is closed, the price plan has no rate for a service); a defect of the ledger is not one and never
 * reaches this decision (see {@link BillWriter}).
 */
final class BillingFailures {

    private BillingFailures() {
    }

    /**
     * A refusal is recorded unless the subscription's last event already records the same one: nothing happened to the
     * subscription since, so recording it again would only repeat the same fact on every later run.
     */
    static boolean worthRecording(Object lastEventOfSubscription, LedgerRefusal refusal) {
        return !(lastEventOfSubscription instanceof SubscriptionBillingFailed previous)
                || !previous.errorCode().equals(refusal.code().name())
                || !Objects.equals(previous.reason(), refusal.getMessage());
    }
}
