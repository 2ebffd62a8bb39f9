package org.subledger.command.wallet;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.wallet.SettleBillFromWallet;
import org.subledger.kernel.wallet.TopUpWallet;
import org.subledger.kernel.wallet.WalletConsumed;
import org.subledger.kernel.wallet.WalletIds;
import org.subledger.kernel.wallet.WalletSettlementRefused;
import org.subledger.kernel.wallet.WalletToppedUp;
import org.subledger.kernel.catalog.PrepaidSettlement;

import java.math.BigDecimal;
import java.util.Currency;

/** An account's wallet: top-ups credit once per id, settlements never take it below zero. */
class WalletTest {

    static final String ACCOUNT = "acc-1";
    static final String WALLET = WalletIds.of(ACCOUNT);
    static final Currency EUR = Currency.getInstance("EUR");

    FixtureConfiguration<Wallet> fixture;
    AccountsOnly accounts;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wallet.class);
        accounts = new AccountsOnly().open(ACCOUNT, "EUR", null);
        fixture.registerInjectableResource(accounts);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static TopUpWallet topUp(String id, String amount) {
        return new TopUpWallet(WALLET, ACCOUNT, id, new BigDecimal(amount), null, "card 4242");
    }

    static WalletToppedUp toppedUp(String id, String amount, String after) {
        return new WalletToppedUp(WALLET, ACCOUNT, id, eur(amount), "card 4242", eur(after));
    }

    static Matcher<?> refusal(ErrorCode code) {
        return Matchers.predicate(exception -> exception instanceof LedgerRefusal refusal && refusal.code() == code);
    }

    @Nested
    class ToppingUp {

        @Test
        void theFirstTopUpOpensTheWalletInTheAccountsCurrency() {
            fixture.givenNoPriorActivity()
                    .when(topUp("t-1", "20.00"))
                    .expectEvents(toppedUp("t-1", "20.00", "20.00"));
        }

        @Test
        void aTopUpAddsToTheBalance() {
            fixture.given(toppedUp("t-1", "20.00", "20.00"))
                    .when(topUp("t-2", "5.50"))
                    .expectEvents(toppedUp("t-2", "5.50", "25.50"));
        }

        @Test
        void aTopUpRepeatedWithTheSameIdCreditsOnce() {
            fixture.given(toppedUp("t-1", "20.00", "20.00"))
                    .when(topUp("t-1", "20.00"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownAccount() {
            fixture.givenNoPriorActivity()
                    .when(new TopUpWallet(WalletIds.of("nobody"), "nobody", "t-1", BigDecimal.TEN, null, null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ACCOUNT_NOT_FOUND));
        }

        @Test
        void refusesAClosedAccount() {
            accounts.closed(ACCOUNT);
            fixture.givenNoPriorActivity()
                    .when(topUp("t-1", "20.00"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.ACCOUNT_CLOSED));
        }

        @Test
        void refusesAnAmountThatIsNotPositiveOrTooPrecise() {
            fixture.givenNoPriorActivity()
                    .when(topUp("t-1", "0.00"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED));
            fixture.givenNoPriorActivity()
                    .when(topUp("t-1", "1.001"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED));
        }

        @Test
        void refusesAnotherCurrency() {
            fixture.givenNoPriorActivity()
                    .when(new TopUpWallet(WALLET, ACCOUNT, "t-1", BigDecimal.TEN, Currency.getInstance("USD"), null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH));
        }

        @Test
        void refusesAWalletIdThatIsNotTheAccounts() {
            fixture.givenNoPriorActivity()
                    .when(new TopUpWallet("wallet-other", ACCOUNT, "t-1", BigDecimal.TEN, null, null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Nested
    class SettlingABillLater {

        static final String BILL = "bill-1";

        @Test
        void aBillTheWalletNowCoversIsPaidFromIt() {
            fixture.given(new WalletSettlementRefused(WALLET, ACCOUNT, "sub-1", BILL, eur("30.00"), eur("0.00"),
                            PrepaidSettlement.WALLET_OR_DEACTIVATE), toppedUp("t-1", "50.00", "50.00"))
                    .when(new SettleBillFromWallet(WALLET, "sub-1", BILL, eur("30.00")))
                    .expectEvents(new WalletConsumed(WALLET, ACCOUNT, "bill:" + BILL, "sub-1", BILL, null,
                            eur("30.00"), eur("20.00")));
        }

        @Test
        void aBillTheWalletCannotCoverIsRefusedAndNothingLeavesIt() {
            fixture.given(toppedUp("t-1", "29.99", "29.99"))
                    .when(new SettleBillFromWallet(WALLET, "sub-1", BILL, eur("30.00")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.WALLET_INSUFFICIENT_FUNDS));
        }

        @Test
        void theWholeBalanceMayBeUsedButNoMore() {
            fixture.given(toppedUp("t-1", "30.00", "30.00"))
                    .when(new SettleBillFromWallet(WALLET, "sub-1", BILL, eur("30.00")))
                    .expectEvents(new WalletConsumed(WALLET, ACCOUNT, "bill:" + BILL, "sub-1", BILL, null,
                            eur("30.00"), eur("0.00")));
        }

        @Test
        void aBillAlreadyPaidIsNotPaidAgain() {
            fixture.given(toppedUp("t-1", "80.00", "80.00"), new WalletConsumed(WALLET, ACCOUNT, "bill:" + BILL,
                            "sub-1", BILL, null, eur("30.00"), eur("50.00")))
                    .when(new SettleBillFromWallet(WALLET, "sub-1", BILL, eur("30.00")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
