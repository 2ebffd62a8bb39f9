package org.subledger.command.wallet;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.command.process.ProcessStep;
import org.subledger.command.process.ProcessSteps;
import org.subledger.command.process.Refusals;
import org.subledger.kernel.catalog.PrepaidSettlement;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.DeactivateSubscription;
import org.subledger.kernel.subscription.ReactivateSubscription;
import org.subledger.kernel.subscription.SubscriptionTerminated;
import org.subledger.kernel.wallet.SettleBillFromWallet;
import org.subledger.kernel.wallet.WalletFundsTransferredIn;
import org.subledger.kernel.wallet.WalletSettlementRefused;
import org.subledger.kernel.wallet.WalletToppedUp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A prepaid subscription whose bill its wallet could not cover: from the refusal (recorded by billing on the wallet's
 * stream) until the bill is paid. Under {@code WALLET_OR_DEACTIVATE} the subscription is deactivated through its own
 * command (so provisioning is told); every later top-up or transfer into the wallet pays the unpaid bills, oldest
 * first, from the wallet, and once all are paid a subscription so deactivated is reactivated. A refused step
 * (deactivating a subscription no longer effective, say) is recorded as needing attention and the process goes on;
 * a top-up too small to pay a bill leaves it waiting for the next one. Ends when the bills are paid or the
 * subscription is terminated.
 */
@Saga
@ProcessingGroup(PrepaidWalletSaga.PROCESS)
public class PrepaidWalletSaga { // public, with a public constructor: Axon instantiates sagas reflectively

    static final String PROCESS = "prepaid-wallet";

    private String subscriptionId;
    private String walletId;
    private boolean deactivated;
    /** bill id → total, in the order they were refused. */
    private Map<String, Money> unpaidBills = new LinkedHashMap<>();

    @Autowired
    private transient ProcessSteps steps;
    @Autowired
    private transient CommandGateway commandGateway;

    public PrepaidWalletSaga() {
        // for Axon and the saga serializer
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(WalletSettlementRefused refused, @Timestamp Instant at) {
        if (subscriptionId == null) {
            subscriptionId = refused.subscriptionId();
            walletId = refused.walletId();
            SagaLifecycle.associateWith("walletId", walletId);
        }
        unpaidBills.putIfAbsent(refused.billId(), refused.amount());
        if (refused.settlement() == PrepaidSettlement.WALLET_OR_DEACTIVATE && !deactivated) {
            // the day the bill was refused, as the event's time says: a redelivery decides the same
            deactivated = steps.send(new ProcessStep(PROCESS, "deactivate", "wallet-deactivate:" + refused.billId(),
                            subscriptionId, subscriptionId),
                    new DeactivateSubscription(subscriptionId, LocalDate.ofInstant(at, ZoneOffset.UTC), null));
        }
    }

    @SagaEventHandler(associationProperty = "walletId")
    void on(WalletToppedUp toppedUp, @Timestamp Instant at) {
        payAndReactivate(toppedUp.topUpId(), at);
    }

    @SagaEventHandler(associationProperty = "walletId")
    void on(WalletFundsTransferredIn transferredIn, @Timestamp Instant at) {
        payAndReactivate(transferredIn.transferId(), at);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(SubscriptionTerminated terminated) {
        // a terminated subscription is not reactivated; its unpaid bills stay owed on the account
    }

    private void payAndReactivate(String fundedBy, Instant at) {
        var bills = unpaidBills.entrySet().iterator();
        while (bills.hasNext()) {
            var bill = bills.next();
            if (!paid(bill.getKey(), bill.getValue())) {
                return; // the funds cover no more: the next top-up tries again
            }
            bills.remove();
        }
        if (deactivated) {
            steps.send(new ProcessStep(PROCESS, "reactivate", "wallet-reactivate:" + fundedBy, subscriptionId,
                    subscriptionId), new ReactivateSubscription(subscriptionId,
                    LocalDate.ofInstant(at, ZoneOffset.UTC), null));
        }
        SagaLifecycle.end();
    }

    /** Paid now or before; {@code false} while the wallet holds too little (or refuses for another reason). */
    private boolean paid(String billId, Money amount) {
        try {
            commandGateway.sendAndWait(new SettleBillFromWallet(walletId, subscriptionId, billId, amount));
            return true;
        } catch (RuntimeException failure) {
            Optional<RefusalDetails> refusal = Refusals.of(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            return false;
        }
    }
}
