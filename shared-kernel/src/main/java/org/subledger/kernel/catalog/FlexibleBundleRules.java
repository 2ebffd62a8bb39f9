package org.subledger.kernel.catalog;

import java.util.List;

/**
 * What a customer may put in a flexible bundle: components from the allowed products, product types or families;
 * and restrictions "use products from only {@code maxFamilies} families" and "... only {@code maxTypes} types"
 * (null: no restriction).
 */
public record FlexibleBundleRules(List<String> allowedProducts, List<String> allowedProductTypes,
                                  List<String> allowedFamilies, Integer maxFamilies, Integer maxTypes) {

    public FlexibleBundleRules {
        allowedProducts = List.copyOf(allowedProducts == null ? List.of() : allowedProducts);
        allowedProductTypes = List.copyOf(allowedProductTypes == null ? List.of() : allowedProductTypes);
        allowedFamilies = List.copyOf(allowedFamilies == null ? List.of() : allowedFamilies);
    }
}
