package org.subledger.command.billing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillSection;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionState;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.billing.BillingFixtures.ACC;
import static org.subledger.command.billing.BillingFixtures.ADVANCE;
import static org.subledger.command.billing.BillingFixtures.NET_30;
import static org.subledger.command.billing.BillingFixtures.created;
import static org.subledger.command.billing.BillingFixtures.date;
import static org.subledger.command.billing.BillingFixtures.eur;
import static org.subledger.command.billing.BillingFixtures.service;
import static org.subledger.command.billing.BillingFixtures.terms;
import static org.subledger.command.billing.DiscountBillingTest.auto;
import static org.subledger.command.billing.DiscountBillingTest.percent;

/**
 * One bill per account and billing date: the drafts of an account's subscriptions (each worked out alone, its
 * discounts counted on its own periods) become one bill with a section each, lines numbered on across the sections;
 * per subscription, or for other accounts and other kinds of bill, they stay apart.
 */
class AccountBillsTest {

    private static final LocalDate ON = date("2026-03-01");

    /** A TV subscription (BASIC 30.00 a month, 10 % off) billed in advance. */
    private static BillDraft tv(String scheme) {
        var tv = BillingScenario.given(created(ON, terms(scheme, BillingFrequency.MONTHLY), service("BASIC", ON)));
        tv.catalog.discount(auto("TEN", percent("10", 1), "BASIC", null));
        return tv.preview(ON).orElseThrow();
    }

    /** A second subscription (EUROSPORT-1, 5.00 a month), of the account or of another. */
    private static BillDraft broadband(String accountId) {
        var net = BillingScenario.given(new SubscriptionCreated("sub-2", ACC, "BROADBAND",
                SubscriptionState.EFFECTIVE, terms(ADVANCE, BillingFrequency.MONTHLY), null, null,
                List.of(new Distributor("box-2", "NAGRA")), List.of(service("EUROSPORT-1", ON, "box-2")), null, ON,
                null));
        BillDraft d = net.preview(ON).orElseThrow();
        return new BillDraft(d.subscriptionId(), accountId, d.kind(), d.billedOn(), d.periodFrom(), d.periodTo(),
                d.lines(), d.total(), d.taxTotal(), d.dueDate(), d.billedThrough(), d.nextBillingDate(), d.services(),
                d.usageRecordIds(), d.oneOffChargeIds(), d.discounts(), d.usageBilledByDay());
    }

    @Test
    void anAccountsSubscriptionsBilledTogetherAreOneBillWithASectionEach() {
        BillDraft net = broadband(ACC);
        BillDraft tv = tv(ADVANCE);

        List<AccountBills.Bill> bills = AccountBills.of(List.of(net, tv), draft -> true);

        assertThat(bills).hasSize(1);
        AccountBills.Bill bill = bills.get(0);
        assertThat(bill.subscriptionId()).as("several sections: each names its own").isNull();
        assertThat(bill.lines()).extracting(BillLine::lineNo).containsExactly(1, 2, 3);
        assertThat(bill.lines()).extracting(BillingFixtures::describe).containsExactly(
                "RECURRING EUROSPORT-1 2026-03-01 2026-04-01 x1 5.00",
                "RECURRING BASIC 2026-03-01 2026-04-01 x1 30.00",
                "DISCOUNT TEN 2026-03-01 2026-04-01 x1 -3.00");
        assertThat(bill.sections()).containsExactly(
                new BillSection("sub-2", ON, date("2026-04-01"), 1, 1, eur("5.00"), net.taxTotal()),
                new BillSection("sub-1", ON, date("2026-04-01"), 2, 3, eur("27.00"), tv.taxTotal()));
        assertThat(bill.total()).isEqualTo(eur("32.00"));
        assertThat(bill.taxTotal()).isEqualTo(net.taxTotal().plus(tv.taxTotal()));
        assertThat(bill.dueDate()).isEqualTo(ON.plusDays(14));
    }

    @Test
    void aSectionsDiscountNamesTheLinesByTheirNumberOnTheBill() {
        AccountBills.Bill bill = AccountBills.of(List.of(broadband(ACC), tv(ADVANCE)), draft -> true).get(0);

        assertThat(bill.discounts(0)).isEmpty();
        List<DiscountApplied> applied = bill.discounts(1);
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0).subscriptionId()).isEqualTo("sub-1");
        assertThat(applied.get(0).lines()).containsExactly("2 BASIC");
        assertThat(applied.get(0).applicationNumber()).isEqualTo(1);
        assertThat(bill.lines().get(2).explanation().discounts()).contains("lines 2 BASIC");
    }

    @Test
    void theEarliestPaymentTermOfTheSectionsIsTheBillsDueDate() {
        AccountBills.Bill bill = AccountBills.of(List.of(tv(NET_30), broadband(ACC)), draft -> true).get(0);

        assertThat(bill.dueDate()).isEqualTo(ON.plusDays(14));
    }

    @Test
    void perSubscriptionOrForAnotherAccountTheDraftsStayBillsOfTheirOwn() {
        BillDraft tv = tv(ADVANCE);

        assertThat(AccountBills.of(List.of(broadband(ACC), tv), draft -> false)).hasSize(2)
                .allSatisfy(bill -> assertThat(bill.sections()).hasSize(1));
        List<AccountBills.Bill> twoAccounts = AccountBills.of(List.of(broadband("acc-2"), tv), draft -> true);
        assertThat(twoAccounts).hasSize(2);
        assertThat(twoAccounts.get(1).subscriptionId()).isEqualTo("sub-1");
        assertThat(twoAccounts.get(1).lines()).isEqualTo(tv.lines());
        assertThat(twoAccounts.get(1).discounts(0)).isEqualTo(tv.discounts());
    }

    @Test
    void onlyRunBillsArePutTogether() {
        BillDraft tv = tv(ADVANCE);
        BillDraft usage = new BillDraft("sub-2", ACC, BillKind.USAGE, ON, ON, ON, List.of(), eur("0.00"),
                eur("0.00"), ON, ON, ON, List.of(), List.of(), List.of(), List.of(), null);

        assertThat(AccountBills.of(List.of(tv, usage), draft -> true)).hasSize(2);
    }
}
