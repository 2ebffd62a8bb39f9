package org.subledger.kernel.catalog;

/** The unit of a period counted in whole days, weeks, months or years. */
public enum PeriodUnit {
    DAYS,
    WEEKS,
    MONTHS,
    YEARS
}
