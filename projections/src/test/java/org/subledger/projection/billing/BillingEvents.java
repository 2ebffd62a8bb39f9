package org.subledger.projection.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.billing.LineExplanation;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.billing.SubscriptionBillingFailed;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.usage.UsageRecorded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** Billing events as the billing engine would store them, for the billing projection tests. */
final class BillingEvents {

    static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
    static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    static final Instant T0 = Instant.parse("2026-04-01T02:00:00Z");

    private BillingEvents() {
    }

    /** A bill of a monthly fee (24.00) and a usage record (1.20), with 19 % VAT included. */
    static BillIssued bill(String billId, String billNumber, String accountId, String subscriptionId, String runId) {
        var fee = new BillLine(1, BillLineKind.RECURRING, "GOLD", "Gold package April 2026", APRIL_1, MAY_1, 1,
                eur("24.00"), eur("3.83"), new BigDecimal("19"), null,
                new LineExplanation("STANDARD", "FLAT", null, 1,
                        List.of(new RatingLine("base", 1, eur("24.00"), eur("24.00"))), eur("24.00"), 30L, 30L,
                        null, null, BillingDirective.BILL, List.of()));
        var call = new BillLine(2, BillLineKind.USAGE, "CALLS", "Call 2026-03-14 18:02", LocalDate.of(2026, 3, 14),
                LocalDate.of(2026, 3, 14), 3, eur("1.20"), eur("0.19"), new BigDecimal("19"), "UDR-1", null);
        return new BillIssued(billId, billNumber, accountId, subscriptionId, runId,
                runId == null ? BillKind.USAGE : BillKind.RUN, APRIL_1, APRIL_1, MAY_1, List.of(fee, call),
                eur("25.20"), eur("4.02"), APRIL_1.plusDays(14));
    }

    static SubscriptionBillingFailed failure(String subscriptionId, String runId) {
        return new SubscriptionBillingFailed(subscriptionId, "ACC-" + subscriptionId, runId, APRIL_1, "NO_RATE",
                "No rate for GOLD in price plan STANDARD", SubscriptionAction.of(BehaviourCode.BILL, null));
    }

    static UsageRecorded usage(String subscriptionId, String recordId, String amount) {
        return new UsageRecorded(subscriptionId, "ACC-" + subscriptionId, recordId, "CALLS", "VOICE", "GOLD",
                LocalDateTime.of(2026, 3, 14, 18, 2), eur(amount), new RatingLine("peak", 3, eur("0.40"),
                eur(amount)), LocalDate.of(2026, 3, 14), SubscriptionAction.of(BehaviourCode.RECORD_USAGE, null));
    }

    static SubscriptionBilled billed(String subscriptionId, String billId, List<String> usageRecordIds) {
        return new SubscriptionBilled(subscriptionId, "ACC-" + subscriptionId, billId, "2026-000001", null,
                APRIL_1, MAY_1, MAY_1, List.of(), usageRecordIds, List.of(),
                SubscriptionAction.of(BehaviourCode.BILL, null));
    }

    static DomainEventMessage<?> event(String type, String aggregateId, long sequenceNumber, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequenceNumber, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), T0.plusSeconds(sequenceNumber));
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
