package org.subledger.kernel.catalog;

/**
 * What an additive discount takes off: an AMOUNT, a PERCENTAGE (with a level: level 1 is taken first, each next
 * level on what remains), or a FREE_PERIOD (that many days, weeks, months or years not charged).
 */
public enum DiscountKind {
    AMOUNT,
    PERCENTAGE,
    FREE_PERIOD
}
