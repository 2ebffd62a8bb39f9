package org.subledger.platform.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;

import java.util.Currency;
import java.util.List;

/**
 * Amounts as the API writes them: {@code {"amount": "240.00", "currency": "EUR"}}, the amount a decimal string at
 * the currency's scale (no binary floating point between the ledger and a client), the currency its ISO 4217 code.
 * Without this the document shows {@link Currency}'s getters as an object.
 */
final class MoneySchema {

    static final String MONEY = "Money";

    private MoneySchema() {
    }

    /** Before the first document is built: every {@link Currency} anywhere is a code. */
    static void register() {
        SpringDocUtils.getConfig().replaceWithSchema(Currency.class, currency());
    }

    static void addTo(Components components) {
        components.addSchemas(MONEY, new ObjectSchema()
                .description("An amount of money: a decimal string at the currency's scale (EUR: 2 decimals,"
                        + " JPY: none) and the currency. Requests may give the amount as a JSON number too.")
                .addProperty("amount", new StringSchema().format("decimal").pattern("^-?[0-9]+(\\.[0-9]+)?$")
                        .example("240.00"))
                .addProperty("currency", currency())
                .required(List.of("amount", "currency")));
    }

    private static Schema<?> currency() {
        return new StringSchema().pattern("^[A-Z]{3}$").example("EUR").description("ISO 4217 currency code");
    }
}
