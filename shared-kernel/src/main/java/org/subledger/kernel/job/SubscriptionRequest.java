package org.subledger.kernel.job;

import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.SubscriptionService;

import java.util.List;

/**
 * The subscription an order job creates when it completes: its id (chosen when the job is created, so the job's
 * traceable goods are claimed for it), type, billing terms, distributors and services. The job's traceable goods
 * become its installed items. Created through the subscription's own command, so all its rules hold then.
 */
public record SubscriptionRequest(String subscriptionId,
                                  String subscriptionTypeCode,
                                  BillingTerms billingTerms,
                                  List<Distributor> distributors,
                                  List<SubscriptionService> services) {

    public SubscriptionRequest {
        distributors = List.copyOf(distributors == null ? List.of() : distributors);
        services = List.copyOf(services == null ? List.of() : services);
    }
}
