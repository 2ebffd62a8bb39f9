package org.subledger.projection.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.projection.catalog.CatalogSamples.eur;

/** The read models' JSON reads back, with any Jackson, into the very definitions it was written from. */
class DefinitionJsonTest {

    private static final ObjectMapper JACKSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void aProductReadsBackEqualEscapesAndAll() throws Exception {
        var product = CatalogSamples.product("GOLD", "Packages", new Validity(LocalDate.of(2026, 1, 1), null));

        String json = DefinitionJson.write(product);

        assertThat(JACKSON.readValue(json, ProductDefinition.class)).isEqualTo(product);
        assertThat(json).startsWith("{\"code\":\"GOLD\",\"alternativeCode\":\"ALT-1\",")
                .contains("\"description\":\"Gold \\\"premium\\\" package\\nwith sports\"")
                .contains("\"validity\":{\"from\":\"2026-01-01\",\"to\":null}")
                .contains("\"taxRatePercent\":19,")
                .contains("\"providerProductIds\":{\"ACME\":\"A-1\",\"NAGRA\":\"NML-GOLD\"}");
    }

    @Test
    void aUsageCatalogKeepsItsTimesOfDayAndAmounts() throws Exception {
        var catalog = CatalogSamples.movies("MOVIES");

        String json = DefinitionJson.write(catalog);

        assertThat(JACKSON.readValue(json, UsageCatalogDefinition.class)).isEqualTo(catalog);
        assertThat(json)
                .contains("{\"from\":\"00:01:00\",\"to\":\"06:59:00\",\"amount\":{\"amount\":2.00,\"currency\":\"EUR\"}}")
                .contains("\"selectConditions\":[{\"attribute\":\"ACCOUNT_CLASSIFICATION\",\"values\":[\"VIP\"]}]");
    }

    @Test
    void aRateKeepsItsLevelsWithAnOpenEnd() throws Exception {
        Rate rate = CatalogSamples.tiered();

        String json = DefinitionJson.write(rate);

        assertThat(JACKSON.readValue(json, Rate.class)).isEqualTo(rate);
        assertThat(json).isEqualTo("{\"model\":\"TIERED\",\"basis\":\"QUANTITY\","
                + "\"baseAmount\":{\"amount\":10.00,\"currency\":\"EUR\"},\"levels\":["
                + "{\"from\":1,\"to\":1,\"amount\":{\"amount\":10.00,\"currency\":\"EUR\"}},"
                + "{\"from\":2,\"to\":null,\"amount\":{\"amount\":8.00,\"currency\":\"EUR\"}}]}");
    }

    @Test
    void aPricePlanReadsBackEqual() throws Exception {
        PricePlanDefinition plan = CatalogSamples.vipPlan("VIP");

        assertThat(JACKSON.readValue(DefinitionJson.write(plan), PricePlanDefinition.class)).isEqualTo(plan);
    }

    @Test
    void controlCharactersAreEscaped() {
        assertThat(DefinitionJson.write(Map.of("k", "a\u0001b\\c\t"))).isEqualTo("{\"k\":\"a\\u0001b\\\\c\\t\"}");
        assertThat(DefinitionJson.write(eur("1.5"))).isEqualTo("{\"amount\":1.50,\"currency\":\"EUR\"}");
    }
}
