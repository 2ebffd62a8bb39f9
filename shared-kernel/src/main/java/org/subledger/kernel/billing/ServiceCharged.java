package org.subledger.kernel.billing;

import org.subledger.kernel.money.Money;

import java.time.LocalDate;

/**
 * Where a service's billing stands after a bill: the service (product code and the date it is billable from, which
 * tell apart two stays of one product), the date it is now charged through (exclusive; a credit moves it back to the
 * removal date), and the full-period amount last charged for it (what a later credit of unused days is computed from).
 */
public record ServiceCharged(String productCode,
                             LocalDate billableFrom,
                             LocalDate chargedThrough,
                             Money periodAmount) {
}
