package org.subledger.command.subscription;

import org.subledger.kernel.input.FreeText;
import org.subledger.kernel.input.Name;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.ConcurrentUsage;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Bodies of the subscription command endpoints. Every action may name its {@code actionDate} (default: today, by the
 * ledger's clock), its {@code classification} and an {@code executeOn} date (scheduled execution, not available yet).
 */
final class SubscriptionRequests {

    private SubscriptionRequests() {
    }

    /** What every subscription action may carry. */
    interface ActionRequest {
        LocalDate actionDate();

        LocalDate executeOn();

        ActionClassification classification();
    }

    record BillingTermsRequest(@NotBlank @Size(max = 64) String scheme,
                               @Size(max = 64) String pricePlan,
                               BillingFrequency billingFrequency,
                               LocalDate agreementDate,
                               LocalDate bindingStartDate,
                               LocalDate bindingEndDate,
                               Money earlyTerminationPenalty,
                               ConcurrentUsage concurrentUsage) {

        BillingTerms terms() {
            return new BillingTerms(scheme, pricePlan, billingFrequency, agreementDate, bindingStartDate,
                    bindingEndDate, earlyTerminationPenalty, concurrentUsage);
        }
    }

    record ServiceRequest(@NotBlank @Size(max = 64) String productCode,
                          List<String> components,
                          LocalDate effectiveDate,
                          LocalDate billablePeriodStartDate,
                          LocalDate billingEffectiveDate,
                          Set<String> distributorIds) {

        SubscriptionService service() {
            return new SubscriptionService(productCode, components, effectiveDate, billablePeriodStartDate,
                    billingEffectiveDate, distributorIds);
        }
    }

    record BecomeSubscriberRequest(@NotBlank @Size(max = 255) String accountId,
                                   @NotBlank @Size(max = 64) String subscriptionTypeCode,
                                   @NotNull @Valid BillingTermsRequest billingTerms,
                                   @FreeText(max = 500) String location,
                                   @FreeText(max = 500) String billingAddress,
                                   @NotNull SubscriptionState initialState,
                                   List<@NotNull Distributor> distributors,
                                   List<@NotNull @Valid ServiceRequest> services,
                                   List<@NotNull InstalledItem> installedItems,
                                   LocalDate actionDate,
                                   LocalDate executeOn,
                                   ActionClassification classification) implements ActionRequest {
    }

    /** An action that names nothing but itself: activate, deactivate, reactivate, terminate, remove something. */
    record PlainActionRequest(LocalDate actionDate,
                              LocalDate executeOn,
                              ActionClassification classification) implements ActionRequest {
        static final PlainActionRequest NONE = new PlainActionRequest(null, null, null);
    }

    /** A service to add, or the replacement of a swapped service (which keeps the old one's distributors if none). */
    record ServiceActionRequest(@NotBlank @Size(max = 64) String productCode,
                                List<String> components,
                                LocalDate effectiveDate,
                                LocalDate billablePeriodStartDate,
                                LocalDate billingEffectiveDate,
                                Set<String> distributorIds,
                                LocalDate actionDate,
                                LocalDate executeOn,
                                ActionClassification classification) implements ActionRequest {

        SubscriptionService service() {
            return new SubscriptionService(productCode, components, effectiveDate, billablePeriodStartDate,
                    billingEffectiveDate, distributorIds);
        }
    }

    /** An item to install, or the replacement of a swapped one. */
    record InstalledItemRequest(@NotBlank @Name(max = 100) String serialNumber,
                                @NotBlank @Size(max = 64) String productCode,
                                LocalDate actionDate,
                                LocalDate executeOn,
                                ActionClassification classification) implements ActionRequest {

        InstalledItem item() {
            return new InstalledItem(serialNumber, productCode);
        }
    }

    record DistributorRequest(@NotBlank @Name(max = 100) String distributorId,
                              @NotBlank @Size(max = 64) String providerCode,
                              Set<String> services,
                              LocalDate actionDate,
                              LocalDate executeOn,
                              ActionClassification classification) implements ActionRequest {
    }

    record BillingTermsAmendmentRequest(@NotNull @Valid BillingTermsRequest billingTerms,
                                        LocalDate actionDate,
                                        LocalDate executeOn,
                                        ActionClassification classification) implements ActionRequest {
    }
}
