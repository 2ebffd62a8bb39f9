package org.subledger.projection.discount;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.catalog.ApplicationLimit;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.PeriodUnit;
import org.subledger.kernel.discount.DiscountAdded;
import org.subledger.kernel.discount.DiscountApplication;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.discount.DiscountApproved;
import org.subledger.kernel.discount.DiscountRemoved;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.projection.ProcessorReplays;
import org.subledger.projection.ProjectionWiringTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.projection.ProcessorReplays.await;

/**
 * The discount state on the real wiring: an ad hoc discount as added, approved and removed, with who did it from the
 * metadata; an auto-apply discount made from its first application, recorded as an event of its own (bills of
 * revision 1) or inside the bill's SubscriptionBilled (revision 2), kept once, also when the whole stream is delivered
 * again. The applications themselves are the bills' DISCOUNT lines (BillProjectionTest).
 */
class DiscountStateProjectionTest extends ProjectionWiringTest {

    private static final LocalDate APRIL_2 = LocalDate.of(2026, 4, 2);
    private static final Instant T0 = Instant.parse("2026-04-02T09:00:00Z");

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessorReplays replays;

    @Test
    void discountsAreKeptWithWhoDecidedOnceEvenWhenDeliveredAgain() {
        String id = UUID.randomUUID().toString();
        eventStore.publish(List.of(
                event(id, 1, "agnes", "CUSTOMER-SERVICE", new DiscountAdded(id, "d-1", "GOODWILL",
                        DiscountType.AD_HOC, DiscountValue.amount(Money.of("15.00", "EUR")), APRIL_2, APRIL_2, null,
                        new ApplicationLimit(3, PeriodUnit.YEARS), DiscountStatus.PENDING_APPROVAL, "outage",
                        action(BehaviourCode.ADD_DISCOUNT))),
                event(id, 2, "carla", "CUSTOMER-CARE-MANAGERS", new DiscountApproved(id, "d-1", APRIL_2.plusDays(1),
                        action(BehaviourCode.APPROVE_DISCOUNT))),
                event(id, 3, "system", null, applied(id, "d-1", "GOODWILL", APRIL_2, "15.00")),
                event(id, 4, "system", null, applied(id, "auto:LOYALTY", "LOYALTY", APRIL_2, "4.00")),
                // a bill of revision 2: its applications inside its SubscriptionBilled (written in one statement),
                // two of them the first two periods of an auto-apply discount, whose row comes from the first
                event(id, 5, "system", null, new SubscriptionBilled(id, "acc-1", "bill-may", "2026-000002", null,
                        APRIL_2.plusMonths(1), null, APRIL_2.plusMonths(2), List.of(), List.of(), List.of(),
                        action(BehaviourCode.BILL), List.of(
                        DiscountApplication.of(applied(id, "d-1", "GOODWILL", APRIL_2.plusMonths(1), "15.00")),
                        DiscountApplication.of(applied(id, "auto:WELCOME", "WELCOME", APRIL_2.plusMonths(1),
                                "2.00")),
                        DiscountApplication.of(applied(id, "auto:WELCOME", "WELCOME", APRIL_2.plusMonths(2),
                                "2.00"))))),
                event(id, 6, "agnes", "CUSTOMER-SERVICE", new DiscountRemoved(id, "d-1", APRIL_2.plusMonths(2),
                        "left the promotion", action(BehaviourCode.REMOVE_DISCOUNT))),
                // an auto-apply discount taken off right after the bill that made its row (in the same batch: the
                // row's insert must come before the removal's update)
                event(id, 7, "agnes", "CUSTOMER-SERVICE", new DiscountRemoved(id, "auto:WELCOME",
                        APRIL_2.plusMonths(2), "not a new customer", action(BehaviourCode.REMOVE_DISCOUNT)))));

        await("the removals in the discount state", () -> "REMOVED".equals(status(id, "d-1"))
                && "REMOVED".equals(status(id, "auto:WELCOME")));
        assertState(id);

        replays.redeliverEverything(DiscountStateProjection.PROCESSING_GROUP);
        assertState(id);
    }

    private void assertState(String id) {
        Map<String, Object> goodwill = jdbc.queryForMap("select * from subscription_discount where subscription_id = ?"
                + " and discount_id = 'd-1'", id);
        assertThat(goodwill).containsEntry("status", "REMOVED").containsEntry("added_by", "agnes")
                .containsEntry("added_unit", "CUSTOMER-SERVICE").containsEntry("decided_by", "carla")
                .containsEntry("removed_by", "agnes").containsEntry("value_kind", "AMOUNT")
                .containsEntry("limit_per", "YEARS").containsEntry("note", "outage");
        assertThat(goodwill.get("removed_on").toString()).isEqualTo("2026-06-02");
        // instants are the events' timestamps (bound as UTC offsets, read back as the same instants)
        assertThat(instant(goodwill.get("added_at"))).isEqualTo(T0.plusSeconds(1));
        assertThat(instant(goodwill.get("decided_at"))).isEqualTo(T0.plusSeconds(2));
        Map<String, Object> auto = jdbc.queryForMap("select * from subscription_discount where subscription_id = ?"
                + " and discount_id = 'auto:LOYALTY'", id);
        assertThat(auto).containsEntry("discount_type", "AUTO_APPLY").containsEntry("status", "APPROVED")
                .containsEntry("definition_code", "LOYALTY");
        Map<String, Object> welcome = jdbc.queryForMap("select * from subscription_discount where subscription_id = ?"
                + " and discount_id = 'auto:WELCOME'", id);
        assertThat(welcome).containsEntry("discount_type", "AUTO_APPLY").containsEntry("status", "REMOVED")
                .containsEntry("definition_code", "WELCOME").containsEntry("added_by", "system")
                .containsEntry("removed_by", "agnes").containsEntry("version", 7L);
        assertThat(welcome.get("added_on").toString()).isEqualTo("2026-05-02");
        assertThat(instant(welcome.get("added_at"))).isEqualTo(T0.plusSeconds(5));
        assertThat(jdbc.queryForObject("select count(*) from subscription_discount where subscription_id = ?",
                Long.class, id)).isEqualTo(3);
    }

    private static Instant instant(Object timestamp) {
        return ((java.sql.Timestamp) timestamp).toInstant();
    }

    private String status(String id, String discountId) {
        return jdbc.queryForList("select status from subscription_discount where subscription_id = ? and"
                + " discount_id = ?", String.class, id, discountId).stream().findFirst().orElse(null);
    }

    private static DiscountApplied applied(String id, String discountId, String code, LocalDate start,
                                           String amount) {
        return new DiscountApplied(id, discountId, code, "bill-" + start, start, start.plusMonths(1),
                Money.of(amount, "EUR"), 1, List.of("GOLD"), List.of(), action(BehaviourCode.BILL));
    }

    private static DomainEventMessage<?> event(String id, long sequenceNumber, String principal, String unit,
                                               Object payload) {
        var metaData = MetaData.with(LedgerMetadata.PRINCIPAL, principal);
        if (unit != null) {
            metaData = metaData.and(LedgerMetadata.UNIT, unit);
        }
        return new GenericDomainEventMessage<>("Subscription", id, sequenceNumber, payload, metaData,
                UUID.randomUUID().toString(), T0.plusSeconds(sequenceNumber));
    }

    private static SubscriptionAction action(BehaviourCode code) {
        return SubscriptionAction.of(code, null);
    }
}
