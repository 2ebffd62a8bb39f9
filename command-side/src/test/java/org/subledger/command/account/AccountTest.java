package org.subledger.command.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.subledger.command.posting.PostingIds;
import org.subledger.kernel.account.AccountClassificationChanged;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.AdjustmentDirection;
import org.subledger.kernel.account.AdjustmentPosted;
import org.subledger.kernel.account.AmendCreditLimit;
import org.subledger.kernel.account.ChangeClassification;
import org.subledger.kernel.account.ChangeCreditRating;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.account.CloseAccount;
import org.subledger.kernel.account.CompanyDetails;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CreditLimitAmended;
import org.subledger.kernel.account.CreditPosted;
import org.subledger.kernel.account.CreditRatingChanged;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.OpenAccount;
import org.subledger.kernel.account.PaymentRecorded;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.account.PostAdjustment;
import org.subledger.kernel.account.PostCharge;
import org.subledger.kernel.account.PostCredit;
import org.subledger.kernel.account.ReceivableAllocated;
import org.subledger.kernel.account.RecordPayment;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

class AccountTest {

    static final String ID = "acc-1";
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency USD = Currency.getInstance("USD");
    static final PersonDetails MARIA = new PersonDetails("Maria", "Georgiou", "X123");
    static final ContactDetails CONTACT = new ContactDetails("maria@example.com", "+357 22 000000", "Nicosia");

    FixtureConfiguration<Account> fixture;
    /** The account's subscriptions not terminated, as the command side reads them from the event store. */
    List<String> liveSubscriptions = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource((AccountSubscriptions) accountId -> List.copyOf(liveSubscriptions));
        fixture.registerInjectableResource(postingIdsOfTheStream(fixture));
    }

    /**
     * The {@code account_posting_id} table as the fixture's event store implies it: an id is claimed when a posting of
     * the account's stream carries it, or a command of this test claimed it before.
     */
    static PostingIds postingIdsOfTheStream(FixtureConfiguration<Account> fixture) {
        Set<String> claimedInThisTest = new HashSet<>();
        return (accountId, postingId) -> {
            var stream = fixture.getEventStore().readEvents(accountId);
            while (stream.hasNext()) {
                if (stream.next().getPayload() instanceof AccountPosting posting
                        && posting.postingId().equals(postingId)) {
                    return false;
                }
            }
            return claimedInThisTest.add(accountId + "\n" + postingId);
        };
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    static AccountOpened opened() {
        return new AccountOpened(ID, CustomerType.PERSON, MARIA, null, CONTACT, EUR, eur("50.00"), "AAA",
                "RESIDENTIAL", "agent");
    }

    static ChargePosted charged(String postingId, String amount, String balanceAfter) {
        return new ChargePosted(ID, postingId, eur(amount), "Gold package", "INV-1", eur(balanceAfter));
    }

    static Matcher<?> refusal(ErrorCode code) {
        return Matchers.predicate(exception -> exception instanceof LedgerRefusal refusal && refusal.code() == code);
    }

    @Nested
    class Opening {

        @Test
        void opensAnAccountForAPersonWithAZeroBalance() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount(ID, CustomerType.PERSON, MARIA, null, CONTACT, EUR, amount("50"), "AAA",
                            "RESIDENTIAL", "agent"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened());
        }

        @Test
        void opensAnAccountForACompanyClassifiedCorporateByDefault() {
            var company = new CompanyDetails("AluxSat Reseller Ltd", "HE12345", "CY10012345X");
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount(ID, CustomerType.COMPANY, null, company, ContactDetails.none(), EUR,
                            amount("1000.00"), null, null, "agent"))
                    .expectEvents(new AccountOpened(ID, CustomerType.COMPANY, null, company, ContactDetails.none(),
                            EUR, eur("1000.00"), null, "CORPORATE", "agent"));
        }

        @Test
        void refusesAPersonWithoutALastName() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount(ID, CustomerType.PERSON, new PersonDetails("Maria", " ", null), null,
                            CONTACT, EUR, amount("50"), null, null, "agent"))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void refusesACompanyWithoutAName() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount(ID, CustomerType.COMPANY, null, null, CONTACT, EUR, amount("50"), null,
                            null, "agent"))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void refusesANegativeCreditLimit() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount(ID, CustomerType.PERSON, MARIA, null, CONTACT, EUR, amount("-1"), null,
                            null, "agent"))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAccountWithoutACurrency() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount(ID, CustomerType.PERSON, MARIA, null, CONTACT, null, amount("10"), null,
                            null, "agent"))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void refusesToOpenAnAccountTwice() {
            fixture.given(opened())
                    .when(new OpenAccount(ID, CustomerType.PERSON, MARIA, null, CONTACT, EUR, amount("50"), null,
                            null, "agent"))
                    .expectException(refusal(ErrorCode.ACCOUNT_ALREADY_EXISTS))
                    .expectNoEvents();
        }
    }

    @Nested
    class Postings {

        @Test
        void chargeRaisesTheBalance() {
            fixture.given(opened(), charged("p1", "30.00", "30.00"))
                    .when(new PostCharge(ID, "p2", amount("12.5"), null, "Gold package", "INV-1"))
                    .expectEvents(charged("p2", "12.50", "42.50"));
        }

        @Test
        void creditLowersTheBalance() {
            fixture.given(opened(), charged("p1", "30.00", "30.00"))
                    .when(new PostCredit(ID, "p2", amount("5"), EUR, "Goodwill", null))
                    .expectEvents(new CreditPosted(ID, "p2", eur("5.00"), "Goodwill", null, eur("25.00")),
                            new ReceivableAllocated(ID, "p2", "p1", eur("5.00"), eur("25.00")));
        }

        @Test
        void paymentLowersTheBalanceAndMayLeaveTheCustomerInCredit() {
            fixture.given(opened(), charged("p1", "30.00", "30.00"))
                    .when(new RecordPayment(ID, "p2", amount("40.00"), null, "Card payment", "TX-9"))
                    .expectEvents(new PaymentRecorded(ID, "p2", eur("40.00"), "Card payment", "TX-9",
                            eur("-10.00"), null), new ReceivableAllocated(ID, "p2", "p1", eur("30.00"), eur("0.00")));
        }

        @Test
        void debitAdjustmentRaisesAndCreditAdjustmentLowersTheBalance() {
            fixture.given(opened(), charged("p1", "30.00", "30.00"),
                            new AdjustmentPosted(ID, "p2", eur("2.00"), AdjustmentDirection.DEBIT, "Late fee",
                                    eur("32.00")))
                    .when(new PostAdjustment(ID, "p3", amount("7"), null, AdjustmentDirection.CREDIT,
                            "Billing error"))
                    .expectEvents(new AdjustmentPosted(ID, "p3", eur("7.00"), AdjustmentDirection.CREDIT,
                            "Billing error", eur("25.00")),
                            new ReceivableAllocated(ID, "p3", "p1", eur("7.00"), eur("23.00")));
        }

        @Test
        void refusesAnAdjustmentWithoutAReason() {
            fixture.given(opened())
                    .when(new PostAdjustment(ID, "p3", amount("7"), null, AdjustmentDirection.CREDIT, ""))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void recordsARepeatedPostingIdOnlyOnce() {
            fixture.given(opened(), charged("p1", "30.00", "30.00"))
                    .when(new PostCharge(ID, "p1", amount("30.00"), null, "Gold package", "INV-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAZeroAmount() {
            fixture.given(opened())
                    .when(new PostCharge(ID, "p1", BigDecimal.ZERO, null, "nothing", null))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void refusesANegativeAmount() {
            fixture.given(opened())
                    .when(new RecordPayment(ID, "p1", amount("-10.00"), null, "refund?", null))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAmountInAnotherCurrency() {
            fixture.given(opened())
                    .when(new PostCharge(ID, "p1", amount("10.00"), USD, "Gold", null))
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAmountAboveTheLedgersBound() {
            fixture.given(opened())
                    .when(new PostCharge(ID, "p1", amount("99999999999999999999.99"), null, "Gold", null))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void acceptsAnAmountOfExactlyTheBound() {
            fixture.given(opened())
                    .when(new PostCharge(ID, "p1", Money.MAX_AMOUNT, null, "a very large order", null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesMoreDecimalsThanTheCurrencyHas() {
            fixture.given(opened())
                    .when(new PostCharge(ID, "p1", amount("10.005"), null, "Gold", null))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void refusesAPostingOnAClosedAccount() {
            fixture.given(opened(), new AccountClosed(ID, "moved away"))
                    .when(new PostCharge(ID, "p1", amount("10.00"), null, "Gold", null))
                    .expectException(refusal(ErrorCode.ACCOUNT_CLOSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class TermsAndClosing {

        @Test
        void amendsTheCreditLimit() {
            fixture.given(opened())
                    .when(new AmendCreditLimit(ID, amount("80"), null, "good payer"))
                    .expectEvents(new CreditLimitAmended(ID, eur("50.00"), eur("80.00"), "good payer"));
        }

        @Test
        void recordsNothingWhenTheCreditLimitIsUnchanged() {
            fixture.given(opened())
                    .when(new AmendCreditLimit(ID, amount("50.00"), EUR, "same"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesANegativeCreditLimitAmendment() {
            fixture.given(opened())
                    .when(new AmendCreditLimit(ID, amount("-5"), null, "oops"))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void changesTheCreditRating() {
            fixture.given(opened())
                    .when(new ChangeCreditRating(ID, "CAA"))
                    .expectEvents(new CreditRatingChanged(ID, "AAA", "CAA"));
        }

        @Test
        void refusesACreditRatingThatIsNoCode() {
            fixture.given(opened())
                    .when(new ChangeCreditRating(ID, "very good"))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void reclassifiesTheAccount() {
            fixture.given(opened())
                    .when(new ChangeClassification(ID, "VIP"))
                    .expectEvents(new AccountClassificationChanged(ID, "RESIDENTIAL", "VIP"));
        }

        @Test
        void refusesToChangeAClosedAccount() {
            fixture.given(opened(), new AccountClosed(ID, null))
                    .when(new ChangeClassification(ID, "VIP"))
                    .expectException(refusal(ErrorCode.ACCOUNT_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void closesAnAccountWithAZeroBalance() {
            fixture.given(opened(), charged("p1", "30.00", "30.00"),
                            new PaymentRecorded(ID, "p2", eur("30.00"), "cash", null, eur("0.00"), null))
                    .when(new CloseAccount(ID, "moved away"))
                    .expectEvents(new AccountClosed(ID, "moved away"));
        }

        @Test
        void refusesToCloseAnAccountThatOwesMoney() {
            fixture.given(opened(), charged("p1", "30.00", "30.00"))
                    .when(new CloseAccount(ID, "moved away"))
                    .expectException(refusal(ErrorCode.ACCOUNT_BALANCE_NOT_ZERO))
                    .expectNoEvents();
        }

        @Test
        void refusesToCloseAnAccountWithASubscriptionNotTerminated() {
            liveSubscriptions.add("sub-1");
            fixture.given(opened())
                    .when(new CloseAccount(ID, "moved away"))
                    .expectException(refusal(ErrorCode.ACCOUNT_HAS_LIVE_SUBSCRIPTIONS))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("sub-1"))
                    .expectNoEvents();
        }

        @Test
        void refusesAChargeThatReachesTheAccountAfterItWasClosed() {
            fixture.given(opened(), new AccountClosed(ID, "moved away"))
                    .when(new PostCharge(ID, "early-termination:sub-1", amount("120.00"), EUR,
                            "Early termination penalty", "sub-1"))
                    .expectException(refusal(ErrorCode.ACCOUNT_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void refusesToCloseAnAccountTwice() {
            fixture.given(opened(), new AccountClosed(ID, null))
                    .when(new CloseAccount(ID, "again"))
                    .expectException(refusal(ErrorCode.ACCOUNT_CLOSED))
                    .expectNoEvents();
        }
    }
}
