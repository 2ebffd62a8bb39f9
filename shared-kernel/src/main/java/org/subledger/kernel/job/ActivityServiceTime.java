package org.subledger.kernel.job;

/**
 * A one-time service an activity delivered and the time it took, in minutes. In a command {@code minutes} may be
 * left out for the activity type's minimum (or fixed) time; the recorded minutes are the ones billed.
 */
public record ActivityServiceTime(String productCode, Integer minutes) {
}
