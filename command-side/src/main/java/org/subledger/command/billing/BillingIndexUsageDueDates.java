package org.subledger.command.billing;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import org.subledger.command.usage.UsageDueDates;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Usage's due dates in the {@link BillingIndex}: each subscription's earliest date within a unit of work is gathered
 * and written for all of them in one statement when the unit of work prepares its commit, in the command's
 * transaction (one round trip a mediation batch, not one a subscription). Outside a unit of work, at once.
 */
@Component
class BillingIndexUsageDueDates implements UsageDueDates {

    private static final String DUE_BY = BillingIndexUsageDueDates.class.getName() + ".dueBy";

    private final BillingIndex index;

    BillingIndexUsageDueDates(BillingIndex index) {
        this.index = index;
    }

    @Override
    public void usedOn(String subscriptionId, LocalDate date) {
        if (!CurrentUnitOfWork.isStarted()) {
            index.dueBy(subscriptionId, date);
            return;
        }
        var unitOfWork = CurrentUnitOfWork.get();
        Map<String, LocalDate> dueBy = unitOfWork.getOrComputeResource(DUE_BY, key -> {
            Map<String, LocalDate> dates = new HashMap<>();
            unitOfWork.onPrepareCommit(committing -> index.dueBy(dates));
            return dates;
        });
        dueBy.merge(subscriptionId, date, (one, other) -> one.isBefore(other) ? one : other);
    }
}
