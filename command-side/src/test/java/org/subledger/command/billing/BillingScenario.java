package org.subledger.command.billing;

import org.subledger.kernel.discount.DiscountApplication;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.SubscriptionBilled;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A subscription's stream being billed: events are given, bills are worked out on a date and, like the bill writer
 * does, recorded back on the stream as {@link SubscriptionBilled}.
 */
final class BillingScenario {

    final BillingState state = BillingState.empty();
    InMemoryBillingCatalog catalog = BillingFixtures.catalog();
    BillingAccount account = BillingFixtures.account();
    private int billNo;

    static BillingScenario given(Object... events) {
        var scenario = new BillingScenario();
        scenario.then(events);
        return scenario;
    }

    BillingScenario then(Object... events) {
        for (Object event : events) {
            state.apply(event);
        }
        return this;
    }

    Optional<BillDraft> preview(LocalDate on) {
        return BillCalculator.bill(state, account, catalog, on, BillKind.RUN, BillingRules.defaults());
    }

    /** Bills a RUN on the date and records the bill when there is one. */
    Optional<BillDraft> run(LocalDate on) {
        return record(BillCalculator.bill(state, account, catalog, on, BillKind.RUN, BillingRules.defaults()));
    }

    Optional<BillDraft> bill(LocalDate on, BillKind kind) {
        return record(BillCalculator.bill(state, account, catalog, on, kind, BillingRules.defaults()));
    }

    Optional<BillDraft> usageBill(LocalDate on) {
        return record(BillCalculator.bill(state, account, catalog, on, BillKind.USAGE, BillingRules.defaults()));
    }

    LocalDate nextBillingDate() {
        return BillCalculator.nextBillingDate(state, catalog);
    }

    private Optional<BillDraft> record(Optional<BillDraft> bill) {
        bill.ifPresent(draft -> {
            int n = ++billNo;
            // as the writer records them: inside the bill's SubscriptionBilled
            state.apply(new SubscriptionBilled(draft.subscriptionId(), draft.accountId(), "bill-" + n, "2026-" + n,
                    null, draft.billedOn(), draft.billedThrough(), draft.nextBillingDate(), draft.services(),
                    draft.usageRecordIds(), draft.oneOffChargeIds(), null,
                    draft.discounts().stream().map(DiscountApplication::of).toList()));
        });
        return bill;
    }

    static List<String> lines(BillDraft draft) {
        return draft.lines().stream().map(BillingFixtures::describe).toList();
    }
}
