package org.subledger.kernel.catalog;

/** A length of time: {@code count} days, weeks, months or years (e.g. 2 MONTHS). */
public record TimeSpan(int count, PeriodUnit unit) {
}
