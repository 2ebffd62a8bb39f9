package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.subledger.kernel.PersonalData;

import java.time.LocalDate;
import java.util.List;

/**
 * The "become subscriber" action: create a subscription owned by an accounts-receivable account, with its type, billing
 * terms, location, billing address, distributors, services and installed items registered at once; as DRAFT (a
 * call-centre order, activated later by the installer) or EFFECTIVE (a retail shop sale; it needs a distributor). The
 * subscription id is a client-chosen UUID. Location and billing address default to the account's address.
 */
public record BecomeSubscriber(@TargetAggregateIdentifier String subscriptionId,
                               String accountId,
                               String subscriptionTypeCode,
                               BillingTerms billingTerms,
                               @PersonalData String location,
                               @PersonalData String billingAddress,
                               SubscriptionState initialState,
                               List<Distributor> distributors,
                               List<SubscriptionService> services,
                               List<InstalledItem> installedItems,
                               LocalDate actionDate,
                               ActionClassification classification) {

    public BecomeSubscriber {
        distributors = List.copyOf(distributors == null ? List.of() : distributors);
        services = List.copyOf(services == null ? List.of() : services);
        installedItems = List.copyOf(installedItems == null ? List.of() : installedItems);
    }
}
