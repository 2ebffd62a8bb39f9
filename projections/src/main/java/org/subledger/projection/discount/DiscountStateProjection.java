package org.subledger.projection.discount;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.discount.DiscountAdded;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.discount.DiscountApproved;
import org.subledger.kernel.discount.DiscountRejected;
import org.subledger.kernel.discount.DiscountRemoved;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.projection.support.UnitOfWorkBuffer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the discount state ({@code subscription_discount}) from the subscription stream: who added a discount and who
 * decided on it come from the events' metadata, when from their timestamps. Every statement touches only rows older
 * than the event (or inserts what is missing), so a redelivered event changes nothing. An auto-apply discount has no
 * DiscountAdded: its row is made from its first application.
 *
 * <p>The applications themselves are the bills' DISCOUNT lines ({@code bill_line}, written by the bill projection):
 * stored once, where the bill shows them (issue 12: a second table of them was a third of what discounts added to a
 * bill run's writes).
 *
 * <p>The statements of a batch of events are written just before it commits ({@link PendingDiscountState}), in event
 * order, each run of statements with the same SQL as one multi-row insert: a bill run's bills so cost one statement per
 * batch, not one per bill.
 */
@Component
@ProcessingGroup(DiscountStateProjection.PROCESSING_GROUP)
class DiscountStateProjection {

    static final String PROCESSING_GROUP = "discount-state";

    private static final String ADD = """
            insert into subscription_discount (subscription_id, discount_id, definition_code, discount_type, status,
                value_kind, amount, currency, percentage, level, free_count, free_unit, limit_times, limit_per,
                added_on, starts_on, ends_on, note, added_by, added_unit, added_at, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (subscription_id, discount_id) do nothing""";
    private static final String DECIDE = """
            update subscription_discount set status = ?, decided_by = ?, decided_at = ?, decided_on = ?,
                decision_reason = ?, version = ?
            where subscription_id = ? and discount_id = ? and version < ?""";
    private static final String REMOVE = """
            update subscription_discount set status = 'REMOVED', removed_on = ?, removed_by = ?, removal_reason = ?,
                version = ?
            where subscription_id = ? and discount_id = ? and version < ?""";
    private static final String AUTO_APPLIED = """
            insert into subscription_discount (subscription_id, discount_id, definition_code, discount_type, status,
                added_on, starts_on, added_by, added_at, version)
            values (?, ?, ?, 'AUTO_APPLY', 'APPROVED', ?, ?, ?, ?, ?)
            on conflict (subscription_id, discount_id) do nothing""";
    private final JdbcTemplate jdbc;
    private final UnitOfWorkBuffer<PendingDiscountState> pending;

    DiscountStateProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.pending = new UnitOfWorkBuffer<>("discount-state.pending", PendingDiscountState::new,
                buffer -> buffer.write(jdbc));
    }

    @EventHandler
    void on(DiscountAdded event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(LedgerMetadata.PRINCIPAL) String principal,
            @MetaDataValue(LedgerMetadata.UNIT) String unit) {
        DiscountValue value = event.value();
        var limit = event.applicationLimit();
        Object[] row = {event.subscriptionId(), event.discountId(), event.definitionCode(), event.type().name(),
                event.status().name(), value == null ? null : value.kind().name(),
                value == null || value.amount() == null ? null : value.amount().amount(),
                value == null || value.amount() == null ? null : value.amount().currency().getCurrencyCode(),
                value == null ? null : value.percentage(), value == null ? null : value.level(),
                value == null || value.freePeriod() == null ? null : value.freePeriod().count(),
                value == null || value.freePeriod() == null ? null : value.freePeriod().unit().name(),
                limit == null ? null : limit.times(), limit == null || limit.per() == null ? null : limit.per().name(),
                event.addedOn(), event.startsOn(), event.endsOn(), event.note(), principal, unit, sqlTime(at),
                sequenceNumber};
        pending.add(buffer -> buffer.discount(ADD, row));
    }

    @EventHandler
    void on(DiscountApproved event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(LedgerMetadata.PRINCIPAL) String principal) {
        Object[] row = {DiscountStatus.APPROVED.name(), principal, sqlTime(at), event.approvedOn(), null,
                sequenceNumber, event.subscriptionId(), event.discountId(), sequenceNumber};
        pending.add(buffer -> buffer.discount(DECIDE, row));
    }

    @EventHandler
    void on(DiscountRejected event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(LedgerMetadata.PRINCIPAL) String principal) {
        Object[] row = {DiscountStatus.REJECTED.name(), principal, sqlTime(at), event.rejectedOn(),
                event.reason(), sequenceNumber, event.subscriptionId(), event.discountId(), sequenceNumber};
        pending.add(buffer -> buffer.discount(DECIDE, row));
    }

    @EventHandler
    void on(DiscountRemoved event, @SequenceNumber long sequenceNumber,
            @MetaDataValue(LedgerMetadata.PRINCIPAL) String principal) {
        Object[] row = {event.removedOn(), principal, event.reason(), sequenceNumber, event.subscriptionId(),
                event.discountId(), sequenceNumber};
        pending.add(buffer -> buffer.discount(REMOVE, row));
    }

    /**
     * A bill of revision 1 recorded each application as an event of its own: an auto-apply discount's first one makes
     * its row (the insert does nothing when it exists).
     */
    @EventHandler
    void on(DiscountApplied event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(LedgerMetadata.PRINCIPAL) String principal) {
        Object[] discount = autoApplied(event, sequenceNumber, at, principal);
        pending.add(buffer -> buffer.discount(AUTO_APPLIED, discount));
    }

    /**
     * The applications recorded inside the bill's {@code SubscriptionBilled} (revision 2): an auto-apply discount's
     * row comes from its first application (most bills have none: nothing to write).
     */
    @EventHandler
    void on(SubscriptionBilled event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(LedgerMetadata.PRINCIPAL) String principal) {
        List<DiscountApplied> applications = event.discountsApplied();
        if (applications.isEmpty()) {
            return;
        }
        Map<String, Object[]> discounts = new LinkedHashMap<>();
        for (DiscountApplied applied : applications) {
            discounts.putIfAbsent(applied.discountId(), autoApplied(applied, sequenceNumber, at, principal));
        }
        pending.add(buffer -> discounts.values().forEach(discount -> buffer.discount(AUTO_APPLIED, discount)));
    }

    private static Object[] autoApplied(DiscountApplied event, long sequenceNumber, Instant at, String principal) {
        return new Object[]{event.subscriptionId(), event.discountId(), event.definitionCode(), event.periodStart(),
                event.periodStart(), principal, sqlTime(at), sequenceNumber};
    }

    /** An instant as the driver binds {@code timestamptz} without a {@code Calendar} (a {@code Timestamp} needs one). */
    private static OffsetDateTime sqlTime(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table subscription_discount");
    }
}
