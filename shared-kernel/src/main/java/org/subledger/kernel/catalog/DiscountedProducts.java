package org.subledger.kernel.catalog;

import java.util.List;

/**
 * The services an additive discount reduces: these products and the products of these types (termed, usage and
 * expense services only), and if {@code bundleProductCode} is given only where they are components of that
 * flexible bundle.
 */
public record DiscountedProducts(List<String> productCodes, List<String> productTypeCodes, String bundleProductCode) {

    public DiscountedProducts {
        productCodes = List.copyOf(productCodes == null ? List.of() : productCodes);
        productTypeCodes = List.copyOf(productTypeCodes == null ? List.of() : productTypeCodes);
    }
}
