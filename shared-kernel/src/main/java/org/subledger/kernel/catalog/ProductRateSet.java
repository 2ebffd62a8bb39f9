package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;

/**
 * A price version: from {@code effectiveFrom} on, the product is rated in the plan with {@code rate}. {@code version}
 * counts the versions of this product in this plan, from 1.
 */
@Revision("1")
public record ProductRateSet(String pricePlanCode, String productCode, RateClassification classification, Rate rate,
                             LocalDate effectiveFrom, int version) implements DomainEvent {
}
