package org.subledger.kernel.discount;

import org.subledger.kernel.catalog.ApplicationLimit;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A discount on a subscription as its stream says (folded by {@code SubscriptionStreamState}): how it was added, where
 * it stands, and every application billing recorded, oldest first. Immutable: each event gives a new value.
 */
public record SubscriptionDiscount(String discountId,
                                   String definitionCode,
                                   DiscountType type,
                                   DiscountValue value,
                                   LocalDate addedOn,
                                   LocalDate startsOn,
                                   LocalDate endsOn,
                                   ApplicationLimit applicationLimit,
                                   DiscountStatus status,
                                   LocalDate removedOn,
                                   List<DiscountApplied> applications) {

    public SubscriptionDiscount {
        applications = List.copyOf(applications == null ? List.of() : applications);
    }

    public static SubscriptionDiscount of(DiscountAdded added) {
        return new SubscriptionDiscount(added.discountId(), added.definitionCode(), added.type(), added.value(),
                added.addedOn(), added.startsOn(), added.endsOn(), added.applicationLimit(), added.status(), null,
                List.of());
    }

    /** An auto-apply discount appears on the stream with its first application. */
    public static SubscriptionDiscount autoApplied(DiscountApplied applied) {
        return new SubscriptionDiscount(applied.discountId(), applied.definitionCode(), DiscountType.AUTO_APPLY, null,
                applied.periodStart(), applied.periodStart(), null, null, DiscountStatus.APPROVED, null, List.of());
    }

    public SubscriptionDiscount withStatus(DiscountStatus next, LocalDate removedOn) {
        return new SubscriptionDiscount(discountId, definitionCode, type, value, addedOn, startsOn, endsOn,
                applicationLimit, next, removedOn, applications);
    }

    public SubscriptionDiscount withApplication(DiscountApplied applied) {
        var all = new ArrayList<>(applications);
        all.add(applied);
        return new SubscriptionDiscount(discountId, definitionCode, type, value, addedOn, startsOn, endsOn,
                applicationLimit, status, removedOn, all);
    }

    /** The applications used: distinct application numbers (a free period billed over two bills is one). */
    public long applicationsUsed() {
        return applications.stream().mapToInt(DiscountApplied::applicationNumber).distinct().count();
    }
}
