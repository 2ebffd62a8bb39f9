package org.subledger.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.money.Money;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AmountJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(AmountJson.module());

    @Test
    void writesAnAmountAsADecimalStringAtTheCurrencysScaleWithItsCode() throws JsonProcessingException {
        assertThat(json.writeValueAsString(Map.of("total", Money.of("240", "EUR"))))
                .isEqualTo("{\"total\":{\"amount\":\"240.00\",\"currency\":\"EUR\"}}");
        assertThat(json.writeValueAsString(Money.of("4.5", "EUR")))
                .isEqualTo("{\"amount\":\"4.50\",\"currency\":\"EUR\"}");
        assertThat(json.writeValueAsString(Money.of("-12", "JPY")))
                .isEqualTo("{\"amount\":\"-12\",\"currency\":\"JPY\"}");
        assertThat(json.writeValueAsString(Money.of("1E+3", "EUR"))).contains("\"1000.00\"");
    }
}
