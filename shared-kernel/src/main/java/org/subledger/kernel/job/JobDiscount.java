package org.subledger.kernel.job;

import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.discount.DiscountStatus;

import java.time.LocalDate;

/**
 * A discount on a job as its stream says (folded by {@link JobState}): an ad hoc one as added and decided on, an
 * auto-apply one from its application ({@code value} then null: the definition's), and what billing took off with it
 * ({@code applied}, null until the job is billed). Immutable: each event gives a new value.
 */
public record JobDiscount(String discountId,
                          String definitionCode,
                          DiscountValue value,
                          LocalDate addedOn,
                          DiscountStatus status,
                          JobDiscountApplied applied) {

    static JobDiscount of(JobDiscountAdded added) {
        return new JobDiscount(added.discountId(), added.definitionCode(), added.value(), added.addedOn(),
                added.status(), null);
    }

    static JobDiscount autoApplied(JobDiscountApplied applied) {
        return new JobDiscount(applied.discountId(), applied.definitionCode(), null, null, DiscountStatus.APPROVED,
                applied);
    }

    JobDiscount withStatus(DiscountStatus next) {
        return new JobDiscount(discountId, definitionCode, value, addedOn, next, applied);
    }

    JobDiscount withApplication(JobDiscountApplied application) {
        return new JobDiscount(discountId, definitionCode, value, addedOn, status, application);
    }
}
