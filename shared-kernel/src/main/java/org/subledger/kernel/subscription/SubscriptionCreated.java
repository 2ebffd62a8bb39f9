package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.PersonalData;

import java.time.LocalDate;
import java.util.List;

/**
 * A customer became a subscriber: the subscription was created, as DRAFT or EFFECTIVE, with its account, type, billing
 * terms, location, billing address, distributors, services and installed items. {@code owningUnit} is the unit
 * that owns it: the creating user's unit; {@code null} before units existed (revision 1, upcast with no owner) and
 * for users of no unit.
 */
@Revision("2")
public record SubscriptionCreated(String subscriptionId,
                                  String accountId,
                                  String subscriptionTypeCode,
                                  SubscriptionState state,
                                  BillingTerms billingTerms,
                                  @PersonalData String location,
                                  @PersonalData String billingAddress,
                                  List<Distributor> distributors,
                                  List<SubscriptionService> services,
                                  List<InstalledItem> installedItems,
                                  LocalDate createdOn,
                                  SubscriptionAction action,
                                  String owningUnit) implements SubscriptionEvent {

    /** A subscription of no owning unit. */
    public SubscriptionCreated(String subscriptionId, String accountId, String subscriptionTypeCode,
                               SubscriptionState state, BillingTerms billingTerms, String location,
                               String billingAddress, List<Distributor> distributors,
                               List<SubscriptionService> services, List<InstalledItem> installedItems,
                               LocalDate createdOn, SubscriptionAction action) {
        this(subscriptionId, accountId, subscriptionTypeCode, state, billingTerms, location, billingAddress,
                distributors, services, installedItems, createdOn, action, null);
    }

    public SubscriptionCreated {
        distributors = List.copyOf(distributors == null ? List.of() : distributors);
        services = List.copyOf(services == null ? List.of() : services);
        installedItems = List.copyOf(installedItems == null ? List.of() : installedItems);
    }
}
