package org.subledger.query.pricing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.UsageServiceEntry;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.catalog.query.QuoteUsage;
import org.subledger.kernel.catalog.query.UsageQuoteAnswer;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.rating.UsageRate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.query.pricing.PricingSamples.eur;

class UsageQuoterTest {

    private static final UsageRate MOVIE = new UsageRate(eur("3.00"), List.of(
            new UsageRate.TimeOfDayRate(LocalTime.of(0, 1), LocalTime.of(6, 59), eur("2.00"))));

    private final UsageQuoter quoter = new UsageQuoter(new PricingSamples()
            .usageCatalog(new UsageCatalogDefinition("MOVIES", "Movies", "NAGRA",
                    new Validity(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), List.of(
                    new UsageServiceEntry("BRAVEHEART", "1AQ82", MOVIE, Validity.ALWAYS, "PPV-MOVIES"),
                    new UsageServiceEntry("PREMIERE", "1AQ99", MOVIE, new Validity(LocalDate.of(2026, 6, 1), null),
                            "PPV-MOVIES")), List.of())));

    @Test
    void anEveningUseCostsTheBaseAmount() {
        var quote = quote("MOVIES", "BRAVEHEART", "2026-03-01T21:30").orElseThrow();

        assertThat(quote.rating().amount()).isEqualTo(eur("3.00"));
        assertThat(quote.rating().explanation()).singleElement().extracting("level").isEqualTo("base");
    }

    @Test
    void aNightUseCostsTheTimeOfDayAmount() {
        var quote = quote("MOVIES", "BRAVEHEART", "2026-03-01T02:15").orElseThrow();

        assertThat(quote.rating().amount()).isEqualTo(eur("2.00"));
        assertThat(quote.rating().explanation()).singleElement().extracting("level").isEqualTo("00:01-06:59");
    }

    @Test
    void refusesUnknownCatalogsAndServices() {
        assertRefused(quote("SERIES", "BRAVEHEART", "2026-03-01T02:15"), ErrorCode.CATALOG_ENTRY_NOT_FOUND);
        assertRefused(quote("MOVIES", "SERENDIPITY", "2026-03-01T02:15"), ErrorCode.CATALOG_ENTRY_NOT_FOUND);
    }

    @Test
    void refusesUseOutsideTheCatalogsValidityOrBeforeTheServiceMayBeOrdered() {
        assertRefused(quote("MOVIES", "BRAVEHEART", "2027-01-01T21:30"), ErrorCode.CATALOG_RULE_VIOLATED);
        assertRefused(quote("MOVIES", "PREMIERE", "2026-05-31T21:30"), ErrorCode.CATALOG_RULE_VIOLATED);
        assertThat(quote("MOVIES", "PREMIERE", "2026-06-01T21:30").quote()).isNotNull();
    }

    private UsageQuoteAnswer quote(String catalog, String product, String usedAt) {
        return quoter.quote(new QuoteUsage(catalog, product, LocalDateTime.parse(usedAt)));
    }

    private static void assertRefused(UsageQuoteAnswer answer, ErrorCode code) {
        assertThat(answer.quote()).isNull();
        assertThat(answer.refusal().code()).isEqualTo(code);
        if (code == ErrorCode.CATALOG_RULE_VIOLATED) {
            assertThat(answer.refusal().fields()).containsKey("usedAt");
        }
    }
}
