package org.subledger.kernel.catalog;

/**
 * FLAT: a single service or good. FIXED_BUNDLE: predefined components (termed services or physical goods only).
 * FLEXIBLE_BUNDLE: components chosen by the customer from allowed products, types or families (termed services only).
 */
public enum Composition {
    FLAT,
    FIXED_BUNDLE,
    FLEXIBLE_BUNDLE
}
