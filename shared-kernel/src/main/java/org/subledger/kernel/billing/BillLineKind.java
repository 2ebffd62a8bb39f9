package org.subledger.kernel.billing;

/**
 * What a bill line charges: a termed service for (part of) a billing period (RECURRING), the unused days of a service
 * billed in advance and removed since (CREDIT, negative), a usage detail record (USAGE), or a one-off charge such as
 * hardware or a repair (ONE_OFF). A service with the CREDIT directive gives RECURRING lines with negative amounts.
 */
public enum BillLineKind {
    RECURRING,
    CREDIT,
    USAGE,
    ONE_OFF
}
