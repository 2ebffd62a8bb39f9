package org.subledger.kernel.billing;

/**
 * What a bill line charges: a termed service for (part of) a billing period (RECURRING), the unused days of a service
 * billed in advance and removed since (CREDIT, negative), a usage detail record (USAGE), or a one-off charge such as
 * hardware or a repair (ONE_OFF), or an additive discount given on lines of the bill (DISCOUNT, negative: its product
 * code is the discount definition's code, its reference the discount's id, its explanation's discounts the definition,
 * value, lines discounted, criteria that held and application counted). A service with the CREDIT directive gives
 * RECURRING lines with negative amounts.
 */
public enum BillLineKind {
    RECURRING,
    CREDIT,
    USAGE,
    ONE_OFF,
    DISCOUNT
}
