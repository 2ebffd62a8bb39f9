package org.subledger.platform.web.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.input.FreeText;
import org.subledger.kernel.input.Name;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestJsonTest {

    record Order(String productCode, @Name(max = 100) String serialNumber, @FreeText(max = 50) String note,
                 long units, BigDecimal amount, Money penalty, LocalDate on, LocalDateTime usedAt, Instant asOf,
                 List<String> codes, Map<String, String> ids) {
    }

    private final ObjectMapper json = RequestJson.strict(JsonMapper.builder().addModule(new JavaTimeModule()).build());

    private Order read(String body) throws JsonProcessingException {
        return json.readValue(body, Order.class);
    }

    private void assertRefused(String body, String field, String reason) {
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(InputRefusedException.class, refused -> {
            assertThat(refused.getPath()).isNotEmpty();
            assertThat(refused.getPath().get(0).getFieldName()).isEqualTo(field);
            assertThat(refused.reason()).contains(reason);
        });
    }

    @Test
    void readsAPlainRequest() throws JsonProcessingException {
        Order order = read("""
                {"productCode":"DECODER","serialNumber":"SN-0001","note":"first line\\nsecond","units":2,
                 "amount":12.50,"penalty":{"amount":60.00,"currency":"EUR"},"on":"2026-03-01",
                 "usedAt":"2026-03-01T02:15:00","asOf":"2026-03-01T00:00:00Z","codes":["A"],"ids":{"NAGRA":"1BQ"}}""");
        assertThat(order.units()).isEqualTo(2);
        assertThat(order.penalty()).isEqualTo(Money.of("60", "EUR"));
        assertThat(order.on()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void aPrimitiveLeftOutTakesItsDefault() throws JsonProcessingException {
        assertThat(read("{}").units()).isZero();
    }

    @Test
    void refusesWhatJsonWouldOtherwiseLetPass() {
        assertThatThrownBy(() -> read("{\"units\":1,\"units\":2}")).hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> read("{\"units\":1} {}")).hasMessageContaining("Trailing token");
        assertThatThrownBy(() -> read("{\"unts\":1}")).isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> read("{\"units\":1.5}")).hasMessageContaining("Cannot coerce Floating-point");
        assertRefused("{\"units\":null}", "units", "not null");
        assertThatThrownBy(() -> read("{\"amount\":1" + "0".repeat(200) + "}")).hasMessageContaining("Number");
        assertThatThrownBy(() -> json.readTree("[".repeat(40) + "]".repeat(40)))
                .hasMessageContaining("nesting depth");
    }

    @Test
    void boundsTextByItsKind() {
        assertRefused("{\"productCode\":\"" + "x".repeat(65) + "\"}", "productCode", "at most 64 characters");
        assertRefused("{\"serialNumber\":\"" + "x".repeat(101) + "\"}", "serialNumber", "at most 100 characters");
        assertRefused("{\"serialNumber\":\"a\\tb\"}", "serialNumber", "control characters");
        assertRefused("{\"note\":\"a\\u0000b\"}", "note", "NUL");
        assertRefused("{\"note\":\"a\\ud800b\"}", "note", "lone surrogate");
        assertRefused("{\"productCode\":12345}", "productCode", "must be a string");
        assertRefused("{\"codes\":[\"a\\u0001\"]}", "codes", "control characters");
        assertRefused("{\"ids\":{\"NAGRA\":\"" + "x".repeat(65) + "\"}}", "ids", "at most 64 characters");
        assertThatThrownBy(() -> read("{\"ids\":{\"a\\u0000\":\"x\"}}")).isInstanceOf(InputRefusedException.class);
    }

    @Test
    void boundsNumbers() {
        assertRefused("{\"amount\":1e400}", "amount", "must be between");
        assertRefused("{\"amount\":99999999999999999999.99}", "amount", "must be between");
        assertRefused("{\"amount\":0.000001}", "amount", "decimals");
        assertRefused("{\"units\":99999999999}", "units", "must be between");
    }

    @Test
    void takesAnAmountAsTheDecimalStringEveryAnswerWrites() throws JsonProcessingException {
        assertThat(read("{\"penalty\":{\"amount\":\"60.00\",\"currency\":\"EUR\"}}").penalty())
                .isEqualTo(Money.of("60", "EUR"));
        assertRefused("{\"penalty\":{\"amount\":\"sixty\",\"currency\":\"EUR\"}}", "penalty",
                "decimal number");
        assertRefused("{\"penalty\":{\"amount\":\"1e400\",\"currency\":\"EUR\"}}", "penalty",
                "decimal number");
        assertRefused("{\"penalty\":{\"amount\":\"1.005\",\"currency\":\"EUR\"}}", "penalty",
                "more decimals than EUR");
        assertRefused("{\"penalty\":{\"amount\":true,\"currency\":\"EUR\"}}", "penalty", "decimal number");
    }

    @Test
    void boundsMoneyByItsCurrency() {
        assertRefused("{\"penalty\":{\"amount\":1.005,\"currency\":\"EUR\"}}", "penalty", "more decimals than EUR");
        assertRefused("{\"penalty\":{\"amount\":-1,\"currency\":\"EUR\"}}", "penalty", "zero or more");
        assertRefused("{\"penalty\":{\"amount\":1e400,\"currency\":\"EUR\"}}", "penalty", "at most");
        assertRefused("{\"penalty\":{\"amount\":1,\"currency\":\"EURO\"}}", "penalty", "ISO 4217");
        assertRefused("{\"penalty\":{\"amount\":1,\"currency\":\"EUR\",\"x\":1}}", "penalty", "not a property");
    }

    @Test
    void boundsDatesToTheYears1900To2999() {
        assertRefused("{\"on\":\"+999999999-12-31\"}", "on", "1900 to 2999");
        assertRefused("{\"on\":\"1899-12-31\"}", "on", "1900 to 2999");
        assertRefused("{\"on\":12345}", "on", "ISO 8601");
        assertRefused("{\"usedAt\":\"3000-01-01T00:00:00\"}", "usedAt", "1900 to 2999");
        assertRefused("{\"asOf\":\"+1000000000-12-31T23:59:59Z\"}", "asOf", "1900 to 2999");
        assertRefused("{\"asOf\":\"-999999999-01-01T00:00:00Z\"}", "asOf", "1900 to 2999");
    }
}
