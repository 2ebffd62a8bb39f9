package org.subledger.query.catalog;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.ProductRateSet;
import org.subledger.kernel.catalog.RateClassification;
import org.subledger.kernel.catalog.query.CatalogKind;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A price plan's versions as its events had set them: each version closed by its product's next one, only. */
class PricePlanAsOfTest {

    @Test
    void eachVersionRunsUntilTheNextVersionOfItsOwnProduct() {
        var plan = CatalogEntryView.asOf(CatalogKind.PRICE_PLAN, "P", null, null, null, 2);
        var view = PricePlanView.asOf(plan, List.of(
                version("SILVER", 1, "2026-02-01"), version("GOLD", 1, "2026-01-01"),
                version("GOLD", 2, "2026-06-01")));

        assertThat(view.rates()).extracting(rate -> rate.productCode() + " " + rate.version() + " "
                + rate.effectiveFrom() + " " + rate.effectiveTo()).containsExactly(
                "GOLD 1 2026-01-01 2026-06-01", "GOLD 2 2026-06-01 null", "SILVER 1 2026-02-01 null");
    }

    private static ProductRateSet version(String product, int version, String from) {
        return new ProductRateSet("P", product, RateClassification.TERMED_SERVICE, null, LocalDate.parse(from),
                version);
    }
}
