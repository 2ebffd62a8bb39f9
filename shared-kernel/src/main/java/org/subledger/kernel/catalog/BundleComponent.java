package org.subledger.kernel.catalog;

/** A product included in a fixed bundle, with how many of it. */
public record BundleComponent(String productCode, int quantity) {
}
