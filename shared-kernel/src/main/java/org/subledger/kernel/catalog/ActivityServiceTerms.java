package org.subledger.kernel.catalog;

/**
 * How an activity type delivers one of its one-time services: the minimum time billed for it (in minutes), whether
 * that time is fixed (the service always takes it) or may be changed to what the installer spent, and whether every
 * activity of the type must deliver the service or may leave it out.
 */
public record ActivityServiceTerms(String productCode, int minimumMinutes, boolean fixedTime, boolean mandatory) {
}
