package org.subledger.kernel.catalog;

/** Whether termed services are billed at the start of their period (IN_ADVANCE) or at its end (IN_ARREARS). */
public enum BillingTiming {
    IN_ADVANCE,
    IN_ARREARS
}
