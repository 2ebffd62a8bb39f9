package org.subledger.kernel.usage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Charge a one-off product on a subscription's next bill: hardware sold (a physical good, {@code units} = quantity),
 * a one-time service ({@code units} = hours, for duration rates, else quantity) or an expense. {@code chargeId}: the
 * client's id for it (a repeated id records nothing). {@code chargedOn}: the date it is rated at (default: today).
 */
public record AddOneOffCharge(@TargetAggregateIdentifier String subscriptionId,
                              String chargeId,
                              String productCode,
                              long units,
                              LocalDate chargedOn,
                              String description) {
}
