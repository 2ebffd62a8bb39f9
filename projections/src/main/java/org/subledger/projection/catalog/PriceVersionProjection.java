package org.subledger.projection.catalog;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.catalog.ProductRateSet;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Builds {@code price_version}: one row per price version of a product in a price plan. A new version closes the one
 * before it ({@code effective_to} = the new version's first day); versions of a product come in order, numbered from
 * 1, each starting after the previous one (the price plan refuses anything else). A redelivered event inserts
 * nothing and closes nothing again.
 */
@Component
@ProcessingGroup(PriceVersionProjection.PROCESSING_GROUP)
class PriceVersionProjection {

    static final String PROCESSING_GROUP = "price-versions";

    private static final String INSERT = """
            insert into price_version (price_plan_code, product_code, version, classification, effective_from,
                                       effective_to, model, basis, base_amount, currency, rate, set_at)
            values (?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?::jsonb, ?)
            on conflict (price_plan_code, product_code, version) do nothing""";

    private static final String CLOSE_PREVIOUS = """
            update price_version set effective_to = ?
            where price_plan_code = ? and product_code = ? and version = ? and effective_to is distinct from ?""";

    private final JdbcTemplate jdbc;

    PriceVersionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductRateSet event, @Timestamp Instant setAt) {
        var rate = event.rate();
        jdbc.update(INSERT, event.pricePlanCode(), event.productCode(), event.version(), event.classification().name(),
                event.effectiveFrom(), rate.model().name(), rate.basis().name(), rate.baseAmount().amount(),
                rate.baseAmount().currency().getCurrencyCode(), DefinitionJson.write(rate),
                setAt.atOffset(ZoneOffset.UTC));
        jdbc.update(CLOSE_PREVIOUS, event.effectiveFrom(), event.pricePlanCode(), event.productCode(),
                event.version() - 1, event.effectiveFrom());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table price_version");
    }
}
