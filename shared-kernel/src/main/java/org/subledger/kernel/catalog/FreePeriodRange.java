package org.subledger.kernel.catalog;

/** The free periods an agent may choose from for an ad hoc free period discount (e.g. 2 to 6 MONTHS), inclusive. */
public record FreePeriodRange(int minCount, int maxCount, PeriodUnit unit) {
}
