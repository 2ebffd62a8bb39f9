package org.subledger.kernel.usage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.subledger.kernel.billing.BillingDirective;

import java.time.LocalDate;

/** Set the billing directive of one of the subscription's services: bill it, credit it or ignore it from now on. */
public record SetBillingDirective(@TargetAggregateIdentifier String subscriptionId,
                                  String productCode,
                                  BillingDirective directive,
                                  String reason,
                                  LocalDate actionDate) {
}
