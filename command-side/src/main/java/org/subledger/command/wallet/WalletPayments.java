package org.subledger.command.wallet;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.subledger.command.process.ProcessStep;
import org.subledger.command.process.ProcessSteps;
import org.subledger.kernel.account.RecordPayment;
import org.subledger.kernel.wallet.WalletConsumed;

/**
 * What the wallet paid is a payment on the account: a prepaid bill is posted to the account like any other, and the
 * funds taken from the wallet for it (or for the usage it bills) settle it there. A top-up is not a payment of
 * anything owed, so it moves only the wallet. One posting id per consumption, so a redelivery pays once; a refusal
 * (a closed account) is recorded as needing attention.
 */
@Component
@ProcessingGroup(WalletPayments.GROUP)
class WalletPayments {

    static final String GROUP = "wallet-payments";

    private final ProcessSteps steps;

    WalletPayments(ProcessSteps steps) {
        this.steps = steps;
    }

    @EventHandler
    void on(WalletConsumed consumed) {
        String postingId = "wallet:" + consumed.consumptionId();
        steps.send(new ProcessStep(GROUP, "pay-from-wallet", postingId, consumed.subscriptionId(),
                        consumed.accountId()),
                new RecordPayment(consumed.accountId(), postingId, consumed.amount().amount(),
                        consumed.amount().currency(), "Paid from the wallet", consumed.reference()));
    }
}
