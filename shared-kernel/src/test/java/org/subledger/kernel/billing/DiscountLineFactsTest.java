package org.subledger.kernel.billing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiscountLineFactsTest {

    @Test
    void theApplicationWrittenIsTheApplicationRead() {
        for (int number : new int[]{1, 2, 12, 999_999_999}) {
            for (String limit : new String[]{"", " of 3 per year", " of 1 (a job is billed once)"}) {
                List<String> facts = List.of("definition WELCOME", "value 2.00 EUR off per billing period",
                        "lines 1 GOLD", "criteria none", DiscountLineFacts.application(number, limit));
                assertThat(DiscountLineFacts.applicationNumber(facts)).isEqualTo(number);
            }
        }
    }

    @Test
    void factsWithoutAnApplicationNameNone() {
        assertThat(DiscountLineFacts.applicationNumber(null)).isNull();
        assertThat(DiscountLineFacts.applicationNumber(List.of())).isNull();
        assertThat(DiscountLineFacts.applicationNumber(List.of("WELCOME -2.00"))).isNull();
        assertThat(DiscountLineFacts.applicationNumber(List.of("application x", "application "))).isNull();
        assertThat(DiscountLineFacts.applicationNumber(List.of("application 12345678901"))).isNull();
    }
}
