package org.subledger.kernel.catalog;

import org.subledger.kernel.input.FreeText;
import org.subledger.kernel.input.Name;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A product the operator sells. Amounts are VAT inclusive; {@code taxRatePercent} (e.g. 19) lets the tax part of
 * any amount be computed. Fixed-bundle products list their components; flexible-bundle products their rules.
 * {@code providerProductIds} maps a provisioning provider's code to the id that provider knows the product by.
 */
public record ProductDefinition(String code,
                                String alternativeCode,
                                @FreeText String description,
                                String productTypeCode,
                                @Name(max = 100) String brand,
                                String family,
                                List<String> categories,
                                Validity validity,
                                BigDecimal taxRatePercent,
                                List<BundleComponent> fixedComponents,
                                FlexibleBundleRules flexibleRules,
                                @Name(max = 255) Map<String, String> providerProductIds) {

    public ProductDefinition {
        categories = List.copyOf(categories == null ? List.of() : categories);
        fixedComponents = List.copyOf(fixedComponents == null ? List.of() : fixedComponents);
        providerProductIds = Map.copyOf(providerProductIds == null ? Map.of() : providerProductIds);
        validity = validity == null ? Validity.ALWAYS : validity;
    }
}
