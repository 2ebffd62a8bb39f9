package org.subledger.query.pricing;

import org.subledger.kernel.catalog.Condition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.query.PriceQuote;
import org.subledger.kernel.catalog.query.PriceQuoteAnswer;
import org.subledger.kernel.catalog.query.PriceVersion;
import org.subledger.kernel.catalog.query.QuotePrice;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.rating.RateModel;
import org.subledger.kernel.rating.Rating;
import org.subledger.kernel.rating.RatingEngine;
import org.subledger.kernel.rating.TierBasis;

import java.util.Map;

/**
 * Prices a product in a price plan on a date with the price version in force then. A conditional plan's rates apply
 * when its apply conditions hold for the facts given; otherwise, or where it has no price for the product on that
 * date, its base plan's rates do.
 */
final class PriceQuoter {

    private final PriceCatalog catalog;

    PriceQuoter(PriceCatalog catalog) {
        this.catalog = catalog;
    }

    PriceQuoteAnswer quote(QuotePrice query) {
        try {
            return PriceQuoteAnswer.quoted(price(query));
        } catch (LedgerRefusal refusal) {
            return PriceQuoteAnswer.refused(refusal);
        }
    }

    /** The request field that gives units counted this way. */
    static String inputOf(TierBasis basis) {
        return switch (basis) {
            case QUANTITY -> "quantity";
            case DURATION_HOURS -> "durationHours";
            case MATURITY_PERIODS -> "maturityPeriod";
        };
    }

    private PriceQuote price(QuotePrice query) {
        if (query.units() < 1) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "Quote at least one unit.",
                    Map.of(inputOf(query.basis()), "must be 1 or more"));
        }
        PricePlanDefinition plan = catalog.pricePlan(query.pricePlanCode()).orElseThrow(() -> new LedgerRefusal(
                ErrorCode.CATALOG_ENTRY_NOT_FOUND, "No price plan " + query.pricePlanCode() + "."));
        if (!catalog.hasProduct(query.productCode())) {
            throw new LedgerRefusal(ErrorCode.CATALOG_ENTRY_NOT_FOUND, "No product " + query.productCode() + ".");
        }
        PriceVersion version = versionFor(plan, query);
        Rate rate = version.rate();
        if (!rate.levels().isEmpty() && rate.basis() != query.basis()) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, query.productCode() + " is rated by "
                    + rate.basis() + " in " + version.pricePlanCode() + ".",
                    Map.of(inputOf(query.basis()), "give " + inputOf(rate.basis()) + " instead"));
        }
        return new PriceQuote(query.pricePlanCode(), query.productCode(), version.pricePlanCode(), version.version(),
                version.effectiveFrom(), query.at(), query.basis(), query.units(), rate(rate, query));
    }

    private PriceVersion versionFor(PricePlanDefinition plan, QuotePrice query) {
        if (plan.kind() == PricePlanKind.CONDITIONAL && Condition.allHold(plan.applyConditions(), query.facts())) {
            var own = catalog.rateInForce(plan.code(), query.productCode(), query.at());
            if (own.isPresent()) {
                return own.get();
            }
        }
        String planCode = plan.kind() == PricePlanKind.CONDITIONAL ? plan.basePlanCode() : plan.code();
        return catalog.rateInForce(planCode, query.productCode(), query.at()).orElseThrow(() -> new LedgerRefusal(
                ErrorCode.CATALOG_ENTRY_NOT_FOUND, "No price of " + query.productCode() + " in force in " + planCode
                + " on " + query.at() + "."));
    }

    /**
     * A bill charges a maturity rate period by period, each period at the amount of the level its number falls in
     * ({@link RatingEngine#ratePeriod}). So periods 1 to n together cost what the tiered model gives for n units,
     * whatever the rate's own model: a flat model prices a single period, not a run of them.
     */
    private static Rating rate(Rate rate, QuotePrice query) {
        if (query.basis() == TierBasis.MATURITY_PERIODS && rate.model() != RateModel.TIERED) {
            return RatingEngine.rate(new Rate(RateModel.TIERED, rate.basis(), rate.baseAmount(), rate.levels()),
                    query.units());
        }
        return RatingEngine.rate(rate, query.units());
    }
}
