package org.subledger.kernel.catalog;

/** Whether products of a type are tangible goods (decoders, antennas) or services (channels, installations). */
public enum ProductClassification {
    PHYSICAL_GOOD,
    SERVICE
}
