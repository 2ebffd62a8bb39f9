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
 * {@code owningUnit}, when given, is the unit that will own it (only one the user may act for: any for a super user);
 * left out, the unit the user acts for owns it.
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
                               ActionClassification classification,
                               String owningUnit) {

    public BecomeSubscriber {
        distributors = List.copyOf(distributors == null ? List.of() : distributors);
        services = List.copyOf(services == null ? List.of() : services);
        installedItems = List.copyOf(installedItems == null ? List.of() : installedItems);
    }

    /** Owned by the unit the user acts for. */
    public BecomeSubscriber(String subscriptionId, String accountId, String subscriptionTypeCode,
                            BillingTerms billingTerms, String location, String billingAddress,
                            SubscriptionState initialState, List<Distributor> distributors,
                            List<SubscriptionService> services, List<InstalledItem> installedItems,
                            LocalDate actionDate, ActionClassification classification) {
        this(subscriptionId, accountId, subscriptionTypeCode, billingTerms, location, billingAddress, initialState,
                distributors, services, installedItems, actionDate, classification, null);
    }
}
