package org.subledger.kernel.catalog;

/**
 * How a service is provided and billed: USAGE on request, billed per use (a VOD movie); TERMED continuously, billed
 * per period (a TV channel); ONE_TIME once, billed by its duration (an installation); EXPENSE once, for a fixed
 * amount (a start-up fee).
 */
public enum ServiceType {
    USAGE,
    TERMED,
    ONE_TIME,
    EXPENSE
}
