package org.subledger.command.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.job.ActivityServiceTime;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.SubscriptionService;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the job API's requests. */
final class JobRequests {

    private JobRequests() {
    }

    /** A new job; {@code pricePlan} left out for the scheme's default, {@code owningUnit} for the user's unit. */
    record CreateJobRequest(@NotBlank @Size(max = 255) String accountId,
                            @NotBlank @Size(max = 64) String jobTypeCode,
                            @NotBlank @Size(max = 64) String billingTermScheme,
                            @Size(max = 64) String pricePlan,
                            @NotNull LocalDate expectedCompletion,
                            @Size(max = 64) String owningUnit,
                            @Valid SubscriptionOrder subscription) {
    }

    /** The subscription an order job creates on completion (the job's traceable goods become its installed items). */
    record SubscriptionOrder(@NotBlank @Size(max = 64) String subscriptionTypeCode,
                             @NotBlank @Size(max = 64) String scheme,
                             @Size(max = 64) String pricePlan,
                             BillingFrequency billingFrequency,
                             List<Distributor> distributors,
                             List<SubscriptionService> services) {

        BillingTerms terms() {
            return new BillingTerms(scheme, pricePlan, billingFrequency, null, null, null, null, null);
        }
    }

    /** Why a life-cycle step was taken; free text, optional. */
    record StepRequest(@Size(max = 500) String reason) {
    }

    record CompleteRequest(LocalDate actualCompletion, @Size(max = 500) String reason) {
    }

    record AssignRequest(@NotBlank @Size(max = 64) String assignedUnit, @Size(max = 500) String reason) {
    }

    /**
     * A good: a traceable one by serial number, another by quantity (1 when left out); on a repair, a traceable one
     * may name the serial number of the installed item it replaces.
     */
    record GoodRequest(@Size(max = 64) String lineId, @NotBlank @Size(max = 64) String productCode,
                       @Size(max = 100) String serialNumber, Long quantity,
                       @Size(max = 100) String replacesSerialNumber) {
    }

    record ExpenseRequest(@Size(max = 64) String lineId, @NotBlank @Size(max = 64) String productCode) {
    }

    record ActivityRequest(@Size(max = 64) String activityId, @NotBlank @Size(max = 64) String activityTypeCode,
                           @NotNull @Size(min = 1, max = 50) List<ActivityServiceTime> services) {
    }

    record PreviewRequest(LocalDate billingDate) {
    }
}
