package org.subledger.kernel.catalog;

/**
 * How often a discount may be applied: at most {@code times} per {@code per} (e.g. 3 per YEAR), counted in billing
 * periods; without {@code per}, {@code times} in all.
 */
public record ApplicationLimit(int times, PeriodUnit per) {
}
