package org.subledger.kernel.job;

import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one fold of a job's event stream, shared by every reader of it: the Job aggregate, the job bill writer and the
 * query side's job and as-of readers. Events are applied oldest first; nothing applies before the creation, and an
 * event not newer than the last one applied is ignored. Pure: no clock, no I/O. Mutable, as an aggregate's state is;
 * the accessors hand out read-only views.
 */
public final class JobState {

    private String jobId;
    private String accountId;
    private String jobTypeCode;
    private String billingTermSchemeCode;
    private String pricePlanCode;
    private String owningUnit;
    private String assignedUnit;
    private JobStatus status;
    private LocalDate createdOn;
    private LocalDate expectedCompletion;
    private LocalDate startedOn;
    private LocalDate actualCompletion;
    private LocalDate cancelledOn;
    private boolean late;
    private SubscriptionRequest subscriptionRequest;
    private JobSubscriptionRefused subscriptionRefusal;
    private final ArrayList<JobGood> goods = new ArrayList<>();
    private final ArrayList<JobExpense> expenses = new ArrayList<>();
    private final ArrayList<JobActivity> activities = new ArrayList<>();
    private final LinkedHashMap<String, JobReplacementDelivered> replacements = new LinkedHashMap<>();
    private final LinkedHashMap<String, JobReplacementRefused> replacementRefusals = new LinkedHashMap<>();
    private final LinkedHashMap<String, JobDiscount> discounts = new LinkedHashMap<>();
    private JobBilled bill;
    private boolean billedByRun;
    private long version = -1;

    /** Applies one event of the stream at its sequence number. */
    public void apply(Object event, long sequenceNumber) {
        if (sequenceNumber <= version || (jobId == null && !(event instanceof JobCreated))) {
            return;
        }
        version = sequenceNumber;
        if (event instanceof JobCreated created) {
            jobId = created.jobId();
            accountId = created.accountId();
            jobTypeCode = created.jobTypeCode();
            billingTermSchemeCode = created.billingTermSchemeCode();
            pricePlanCode = created.pricePlanCode();
            owningUnit = created.owningUnit();
            createdOn = created.createdOn();
            expectedCompletion = created.expectedCompletion();
            subscriptionRequest = created.subscriptionRequest();
            status = JobStatus.PENDING;
        } else if (event instanceof JobStarted started) {
            status = JobStatus.IN_PROGRESS;
            startedOn = started.startedOn();
        } else if (event instanceof JobCompleted completed) {
            status = JobStatus.COMPLETED;
            actualCompletion = completed.actualCompletion();
            late = completed.late();
        } else if (event instanceof JobCancelled cancelled) {
            status = JobStatus.CANCELLED;
            cancelledOn = cancelled.cancelledOn();
        } else if (event instanceof JobAssigned assigned) {
            assignedUnit = assigned.assignedUnit();
        } else if (event instanceof JobGoodAdded added) {
            goods.add(added.good());
        } else if (event instanceof JobExpenseAdded added) {
            expenses.add(added.expense());
        } else if (event instanceof JobActivityAdded added) {
            activities.add(added.activity());
        } else if (event instanceof JobReplacementDelivered replacement) {
            replacements.put(replacement.lineId(), replacement);
        } else if (event instanceof JobGoodRemoved removed) {
            goods.removeIf(good -> good.lineId().equals(removed.good().lineId()));
            replacements.remove(removed.good().lineId());
            replacementRefusals.remove(removed.good().lineId());
        } else if (event instanceof JobReplacementRefused refused) {
            replacementRefusals.put(refused.lineId(), refused);
        } else if (event instanceof JobExpenseRemoved removed) {
            expenses.removeIf(expense -> expense.lineId().equals(removed.lineId()));
        } else if (event instanceof JobActivityRemoved removed) {
            activities.removeIf(activity -> activity.activityId().equals(removed.activityId()));
        } else if (event instanceof JobBillingDeferred) {
            billedByRun = true;
        } else if (event instanceof JobBilled billed) {
            bill = billed;
        } else if (event instanceof JobSubscriptionRefused refused) {
            subscriptionRefusal = refused;
        } else if (event instanceof JobDiscountAdded added) {
            discounts.putIfAbsent(added.discountId(), JobDiscount.of(added));
        } else if (event instanceof JobDiscountApproved approved) {
            discounts.computeIfPresent(approved.discountId(), (id, d) -> d.withStatus(DiscountStatus.APPROVED));
        } else if (event instanceof JobDiscountRejected rejected) {
            discounts.computeIfPresent(rejected.discountId(), (id, d) -> d.withStatus(DiscountStatus.REJECTED));
        } else if (event instanceof JobDiscountApplied applied) {
            discounts.merge(applied.discountId(), JobDiscount.autoApplied(applied),
                    (earlier, auto) -> earlier.withApplication(applied));
        }
    }

    /** Whether a line id is taken on the job (goods, expenses and activities share one space of ids). */
    public boolean hasLine(String lineId) {
        return goods.stream().anyMatch(good -> good.lineId().equals(lineId))
                || expenses.stream().anyMatch(expense -> expense.lineId().equals(lineId))
                || activities.stream().anyMatch(activity -> activity.activityId().equals(lineId));
    }

    /** The good on the job with this line id or, for a traceable good, this serial number. */
    public Optional<JobGood> good(String lineIdOrSerial) {
        // a line id wins over a serial number that happens to spell the same
        return goods.stream().filter(good -> good.lineId().equals(lineIdOrSerial)).findFirst()
                .or(() -> goods.stream().filter(good -> lineIdOrSerial.equals(good.serialNumber())).findFirst());
    }

    /** The serial numbers of its traceable goods, in the order they were delivered. */
    public List<String> serialNumbers() {
        return goods.stream().map(JobGood::serialNumber).filter(serial -> serial != null).toList();
    }

    /** Late: completed after the expected date, or not completed and the expected date has passed by {@code today}. */
    public boolean lateOn(LocalDate today) {
        if (status == JobStatus.COMPLETED) {
            return late;
        }
        return status != JobStatus.CANCELLED && expectedCompletion != null && today.isAfter(expectedCompletion);
    }

    public boolean billed() {
        return bill != null;
    }

    /** Completed, of a job type billed by the bill run: the next run on or after its completion bills it. */
    public boolean billedByRun() {
        return billedByRun;
    }

    /** Billed by the bill run, and no run has billed it yet. */
    public boolean awaitingBillRun() {
        return billedByRun && bill == null;
    }

    public String jobId() {
        return jobId;
    }

    public String accountId() {
        return accountId;
    }

    public String jobTypeCode() {
        return jobTypeCode;
    }

    public String billingTermSchemeCode() {
        return billingTermSchemeCode;
    }

    public String pricePlanCode() {
        return pricePlanCode;
    }

    public String owningUnit() {
        return owningUnit;
    }

    public String assignedUnit() {
        return assignedUnit;
    }

    public JobStatus status() {
        return status;
    }

    public LocalDate createdOn() {
        return createdOn;
    }

    public LocalDate expectedCompletion() {
        return expectedCompletion;
    }

    public LocalDate startedOn() {
        return startedOn;
    }

    public LocalDate actualCompletion() {
        return actualCompletion;
    }

    public LocalDate cancelledOn() {
        return cancelledOn;
    }

    public boolean late() {
        return late;
    }

    public SubscriptionRequest subscriptionRequest() {
        return subscriptionRequest;
    }

    public JobSubscriptionRefused subscriptionRefusal() {
        return subscriptionRefusal;
    }

    public List<JobGood> goods() {
        return Collections.unmodifiableList(goods);
    }

    public List<JobExpense> expenses() {
        return Collections.unmodifiableList(expenses);
    }

    public List<JobActivity> activities() {
        return Collections.unmodifiableList(activities);
    }

    /** What the good on a line replaces on a subscription, if it was delivered as a replacement. */
    public Optional<JobReplacementDelivered> replacementOf(String lineId) {
        return Optional.ofNullable(replacements.get(lineId));
    }

    /** The goods delivered as replacements of installed items, by line id, in delivery order. */
    public Map<String, JobReplacementDelivered> replacements() {
        return Collections.unmodifiableMap(replacements);
    }

    /** Why the subscription refused to swap in the replacement on a line, if it did. */
    public Optional<JobReplacementRefused> replacementRefusal(String lineId) {
        return Optional.ofNullable(replacementRefusals.get(lineId));
    }

    /** The job's discounts by id, in the order they appeared on its stream. */
    public Map<String, JobDiscount> discounts() {
        return Collections.unmodifiableMap(discounts);
    }

    /** The bill, once billed; else {@code null}. */
    public JobBilled bill() {
        return bill;
    }

    public Money billTotal() {
        return bill == null ? null : bill.total();
    }

    public long version() {
        return version;
    }
}
