package org.subledger.command.charging;

import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The price versions of the catalog's price plans, as recorded (see {@link EventStorePriceList}). Public for the
 * subscription's one-off charges, which must have a rate when they are added.
 */
public interface PriceList {

    /**
     * The product's rate in the plan on that date: the latest version effective on or before it. A conditional plan
     * without a rate for the product falls back to its base plan.
     */
    Optional<Rate> rateInForce(String pricePlanCode, String productCode, LocalDate on);
}
