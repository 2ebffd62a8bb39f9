package org.subledger.query.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.subledger.kernel.catalog.ActivityTypeDefinition;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.BuyInAdvanceDefinition;
import org.subledger.kernel.catalog.EventChargeRuleDefinition;
import org.subledger.kernel.catalog.JobTypeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ProviderDefinition;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.query.CatalogKind;

/**
 * Reads the JSON of the catalog read models back into the kernel's records. A mapper of its own, so neither the web
 * layer's {@code spring.jackson.*} settings nor the event store's serializer change how the read models are read.
 */
final class CatalogJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // the read model may gain fields before this reader knows them
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CatalogJson() {
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The read model holds a " + type.getSimpleName() + " that cannot be read",
                    e);
        }
    }

    /**
     * The definition with its fields in the order the kernel's record declares them ({@code jsonb} keeps keys in an
     * order of its own), so an entry reads over HTTP as it was entered.
     */
    static String inDeclarationOrder(CatalogKind kind, String json) {
        try {
            return JSON.writeValueAsString(read(json, definitionType(kind)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A " + kind + " definition cannot be written", e);
        }
    }

    static Class<? extends Record> definitionType(CatalogKind kind) {
        return switch (kind) {
            case PRODUCT_TYPE -> ProductTypeDefinition.class;
            case PRODUCT -> ProductDefinition.class;
            case PROVIDER -> ProviderDefinition.class;
            case PRICE_PLAN -> PricePlanDefinition.class;
            case BILLING_TERM_SCHEME -> BillingTermSchemeDefinition.class;
            case SUBSCRIPTION_TYPE -> SubscriptionTypeDefinition.class;
            case USAGE_CATALOG -> UsageCatalogDefinition.class;
            case JOB_TYPE -> JobTypeDefinition.class;
            case ACTIVITY_TYPE -> ActivityTypeDefinition.class;
            case ADDITIVE_DISCOUNT -> AdditiveDiscountDefinition.class;
            case BUY_IN_ADVANCE_DEFINITION -> BuyInAdvanceDefinition.class;
            case EVENT_CHARGE_RULE -> EventChargeRuleDefinition.class;
        };
    }
}
