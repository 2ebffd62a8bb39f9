package org.subledger.query.pricing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.query.PriceQuote;
import org.subledger.kernel.catalog.query.PriceQuoteAnswer;
import org.subledger.kernel.catalog.query.QuotePrice;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.rating.RateModel;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.rating.TierBasis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.query.pricing.PricingSamples.eur;
import static org.subledger.query.pricing.PricingSamples.level;

class PriceQuoterTest {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    private static final Map<ConditionAttribute, String> VIP = Map.of(ConditionAttribute.ACCOUNT_CLASSIFICATION,
            "VIP");

    private final Rate gold = new Rate(RateModel.TIERED, TierBasis.MATURITY_PERIODS, eur("20"),
            List.of(level(1, 3L, "0"), level(4, null, "20")));
    private final Rate repairs = new Rate(RateModel.FLAT, TierBasis.DURATION_HOURS, eur("20"),
            List.of(level(1, 1L, "20"), level(2, 5L, "15"), level(6, null, "10")));
    private final PricingSamples catalog = new PricingSamples().basePlan("STANDARD").vipPlan("VIP", "STANDARD")
            .rate("STANDARD", "GOLD", gold).rate("STANDARD", "REPAIRS", repairs)
            .rate("VIP", "GOLD", Rate.flat(eur("0.00")));
    private final PriceQuoter quoter = new PriceQuoter(catalog);

    @Test
    void ratesTheUnitsWithTheVersionInForceAndExplainsHow() {
        PriceQuote quote = quote("STANDARD", "REPAIRS", TierBasis.DURATION_HOURS, 5, Map.of()).orElseThrow();

        assertThat(quote.rating().amount()).isEqualTo(eur("75.00"));
        assertThat(quote.rating().explanation()).containsExactly(new RatingLine("2-5", 5, eur("15"), eur("75")));
        assertThat(quote.ratedWith()).isEqualTo("STANDARD");
        assertThat(quote.version()).isEqualTo(1);
        assertThat(quote.effectiveFrom()).isEqualTo(PricingSamples.RATES_FROM);
        assertThat(quote.at()).isEqualTo(MARCH);
    }

    @Test
    void aMaturityQuoteIsTheTotalOfTheFirstPeriods() {
        PriceQuote quote = quote("STANDARD", "GOLD", TierBasis.MATURITY_PERIODS, 12, Map.of()).orElseThrow();

        assertThat(quote.rating().amount()).isEqualTo(eur("180.00"));
        assertThat(quote.rating().explanation()).extracting(RatingLine::level).containsExactly("1-3", "4-unlimited");
    }

    @Test
    void aFlatMaturityRateIsStillChargedPeriodByPeriod() {
        catalog.rate("STANDARD", "PLATINUM", new Rate(RateModel.FLAT, TierBasis.MATURITY_PERIODS, eur("30"),
                List.of(level(1, 2L, "10"))));

        var quote = quote("STANDARD", "PLATINUM", TierBasis.MATURITY_PERIODS, 4, Map.of()).orElseThrow();

        assertThat(quote.rating().amount()).isEqualTo(eur("80.00")); // 10 + 10 + 30 + 30, not 4 x 30
    }

    @Test
    void aConditionalPlanRatesWithItsOwnPriceWhenItsConditionsHold() {
        PriceQuote quote = quote("VIP", "GOLD", TierBasis.MATURITY_PERIODS, 12, VIP).orElseThrow();

        assertThat(quote.rating().amount()).isEqualTo(eur("0.00"));
        assertThat(quote.pricePlanCode()).isEqualTo("VIP");
        assertThat(quote.ratedWith()).isEqualTo("VIP");
    }

    @Test
    void aConditionalPlanFallsBackToItsBasePlanWhenItsConditionsFail() {
        var withoutFacts = quote("VIP", "GOLD", TierBasis.MATURITY_PERIODS, 12, Map.of()).orElseThrow();
        var otherClass = quote("VIP", "GOLD", TierBasis.MATURITY_PERIODS, 12,
                Map.of(ConditionAttribute.ACCOUNT_CLASSIFICATION, "RESIDENTIAL")).orElseThrow();

        assertThat(withoutFacts.rating().amount()).isEqualTo(eur("180.00"));
        assertThat(withoutFacts.ratedWith()).isEqualTo("STANDARD");
        assertThat(otherClass.ratedWith()).isEqualTo("STANDARD");
    }

    @Test
    void aConditionalPlanFallsBackToItsBasePlanForAProductItDoesNotPrice() {
        var quote = quote("VIP", "REPAIRS", TierBasis.DURATION_HOURS, 5, VIP).orElseThrow();

        assertThat(quote.rating().amount()).isEqualTo(eur("75.00"));
        assertThat(quote.ratedWith()).isEqualTo("STANDARD");
    }

    @Test
    void aPriceChangeLeavesEarlierDatesAtTheOldPrice() {
        catalog.rate("STANDARD", "REPAIRS", new Rate(RateModel.FLAT, TierBasis.DURATION_HOURS, eur("25"), List.of()),
                LocalDate.of(2026, 4, 1));

        var before = quoter.quote(new QuotePrice("STANDARD", "REPAIRS", TierBasis.DURATION_HOURS, 5,
                LocalDate.of(2026, 3, 31), Map.of())).orElseThrow();
        var after = quoter.quote(new QuotePrice("STANDARD", "REPAIRS", TierBasis.DURATION_HOURS, 5,
                LocalDate.of(2026, 4, 1), Map.of())).orElseThrow();

        assertThat(before.rating().amount()).isEqualTo(eur("75.00"));
        assertThat(before.version()).isEqualTo(1);
        assertThat(after.rating().amount()).isEqualTo(eur("125.00"));
        assertThat(after.version()).isEqualTo(2);
    }

    @Test
    void refusesUnknownPlansProductsAndDatesWithoutAPrice() {
        assertRefused(quote("GOLDEN", "GOLD", TierBasis.QUANTITY, 1, Map.of()), ErrorCode.CATALOG_ENTRY_NOT_FOUND,
                null);
        assertRefused(quote("STANDARD", "NOTHING", TierBasis.QUANTITY, 1, Map.of()),
                ErrorCode.CATALOG_ENTRY_NOT_FOUND, null);
        assertRefused(quoter.quote(new QuotePrice("STANDARD", "GOLD", TierBasis.MATURITY_PERIODS, 1,
                LocalDate.of(2014, 12, 31), Map.of())), ErrorCode.CATALOG_ENTRY_NOT_FOUND, null);
        catalog.product("ROUTER");
        assertRefused(quote("VIP", "ROUTER", TierBasis.QUANTITY, 1, VIP), ErrorCode.CATALOG_ENTRY_NOT_FOUND, null);
    }

    @Test
    void refusesUnitsTheRateDoesNotCount() {
        assertRefused(quote("STANDARD", "REPAIRS", TierBasis.QUANTITY, 5, Map.of()), ErrorCode.VALIDATION_FAILED,
                "quantity");
        assertRefused(quote("STANDARD", "REPAIRS", TierBasis.DURATION_HOURS, 0, Map.of()),
                ErrorCode.VALIDATION_FAILED, "durationHours");
    }

    private PriceQuoteAnswer quote(String plan, String product, TierBasis basis, long units,
                                   Map<ConditionAttribute, String> facts) {
        return quoter.quote(new QuotePrice(plan, product, basis, units, MARCH, facts));
    }

    private static void assertRefused(PriceQuoteAnswer answer, ErrorCode code, String field) {
        assertThat(answer.quote()).isNull();
        assertThat(answer.refusal().code()).isEqualTo(code);
        if (field != null) {
            assertThat(answer.refusal().fields()).containsKey(field);
        }
    }
}
