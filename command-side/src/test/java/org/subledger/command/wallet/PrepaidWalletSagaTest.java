package org.subledger.command.wallet;

import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.command.process.ProcessSteps;
import org.subledger.kernel.catalog.PrepaidSettlement;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.DeactivateSubscription;
import org.subledger.kernel.subscription.ReactivateSubscription;
import org.subledger.kernel.subscription.SubscriptionTerminated;
import org.subledger.kernel.wallet.SettleBillFromWallet;
import org.subledger.kernel.wallet.WalletIds;
import org.subledger.kernel.wallet.WalletSettlementRefused;
import org.subledger.kernel.wallet.WalletToppedUp;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A prepaid subscription whose recurring bill the wallet could not cover: deactivated when the scheme says so, its
 * bill paid from the wallet at the next top-up that covers it, then reactivated.
 */
class PrepaidWalletSagaTest {

    static final String ACCOUNT = "acc-1";
    static final String WALLET = WalletIds.of(ACCOUNT);
    static final String SUBSCRIPTION = "sub-1";
    static final Instant BILLED_AT = Instant.parse("2026-05-01T04:00:00Z");
    static final Instant TOPPED_UP_AT = Instant.parse("2026-05-03T10:00:00Z");

    SagaTestFixture<PrepaidWalletSaga> fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new SagaTestFixture<>(PrepaidWalletSaga.class);
        var gateway = DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build();
        fixture.registerResource(new ProcessSteps(gateway));
        fixture.registerCommandGateway(org.axonframework.commandhandling.gateway.CommandGateway.class);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static WalletSettlementRefused refused(String billId, PrepaidSettlement settlement) {
        return new WalletSettlementRefused(WALLET, ACCOUNT, SUBSCRIPTION, billId, eur("30.00"), eur("10.00"),
                settlement);
    }

    static WalletToppedUp toppedUp(String id, String amount) {
        return new WalletToppedUp(WALLET, ACCOUNT, id, eur(amount), null, eur(amount));
    }

    @Test
    void aRefusedRecurringBillDeactivatesTheSubscriptionWhenTheSchemeSaysSo() throws Exception {
        fixture.givenCurrentTime(BILLED_AT)
                .whenAggregate(WALLET).publishes(refused("bill-1", PrepaidSettlement.WALLET_OR_DEACTIVATE))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new DeactivateSubscription(SUBSCRIPTION, LocalDate.of(2026, 5, 1), null));
    }

    @Test
    void underWalletAloneTheSubscriptionStaysActiveAndTheBillWaitsForATopUp() throws Exception {
        fixture.givenCurrentTime(BILLED_AT)
                .whenAggregate(WALLET).publishes(refused("bill-1", PrepaidSettlement.WALLET))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void aTopUpPaysTheBillAndReactivatesTheSubscription() throws Exception {
        fixture.givenCurrentTime(BILLED_AT)
                .andThenAggregate(WALLET).published(refused("bill-1", PrepaidSettlement.WALLET_OR_DEACTIVATE))
                .andThenTimeElapses(java.time.Duration.between(BILLED_AT, TOPPED_UP_AT))
                .whenAggregate(WALLET).publishes(toppedUp("t-1", "40.00"))
                .expectDispatchedCommands(new SettleBillFromWallet(WALLET, SUBSCRIPTION, "bill-1", eur("30.00")),
                        new ReactivateSubscription(SUBSCRIPTION, LocalDate.of(2026, 5, 3), null))
                .expectActiveSagas(0);
    }

    @Test
    void aTopUpTooSmallForTheBillLeavesTheSubscriptionDeactivated() throws Exception {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof SettleBillFromWallet) {
                throw new LedgerRefusal(ErrorCode.WALLET_INSUFFICIENT_FUNDS, "holds 15.00");
            }
            return null;
        });
        fixture.givenCurrentTime(BILLED_AT)
                .andThenAggregate(WALLET).published(refused("bill-1", PrepaidSettlement.WALLET_OR_DEACTIVATE))
                .whenAggregate(WALLET).publishes(toppedUp("t-1", "5.00"))
                .expectDispatchedCommands(new SettleBillFromWallet(WALLET, SUBSCRIPTION, "bill-1", eur("30.00")))
                .expectActiveSagas(1);
    }

    @Test
    void aTerminatedSubscriptionEndsTheProcess() throws Exception {
        fixture.givenCurrentTime(BILLED_AT)
                .andThenAggregate(WALLET).published(refused("bill-1", PrepaidSettlement.WALLET))
                .whenAggregate(SUBSCRIPTION).publishes(new SubscriptionTerminated(SUBSCRIPTION, ACCOUNT,
                        LocalDate.of(2026, 5, 2), null, null))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }
}
