package org.subledger.kernel.catalog;

/**
 * A BASE price plan holds the normal rates; a CONDITIONAL one is tied to a base plan, offers other rates to the
 * customers its conditions select, and falls back to the base plan's rates when its conditions fail at billing.
 */
public enum PricePlanKind {
    BASE,
    CONDITIONAL
}
