package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads an amount as every answer writes it, {@code {"amount": "240.00", "currency": "EUR"}}, insisting on that shape. */
final class Amounts {

    private Amounts() {
    }

    static BigDecimal of(JsonNode money) {
        assertThat(money).as("an amount").isNotNull();
        assertThat(money.isObject()).as("an amount is an object with its currency: " + money).isTrue();
        assertThat(money.path("amount").isTextual()).as("the amount is a decimal string: " + money).isTrue();
        assertThat(money.path("currency").asText()).as("the currency: " + money).matches("[A-Z]{3}");
        return new BigDecimal(money.get("amount").asText());
    }
}
