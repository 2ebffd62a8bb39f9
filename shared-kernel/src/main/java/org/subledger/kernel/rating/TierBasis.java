package org.subledger.kernel.rating;

/**
 * What the levels of a rate count: the QUANTITY (units, or the distributors a service is provided on), the
 * DURATION in hours (one-time services such as repairs), or the MATURITY in billing periods since the service
 * became effective (termed services: period 1 is the first billed period).
 */
public enum TierBasis {
    QUANTITY,
    DURATION_HOURS,
    MATURITY_PERIODS
}
