package org.subledger.kernel.catalog;

/** A range of whole months, both inclusive (e.g. a buy-in-advance duration of 12-12 months). */
public record MonthRange(int minMonths, int maxMonths) {
}
