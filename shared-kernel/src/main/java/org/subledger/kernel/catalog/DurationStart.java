package org.subledger.kernel.catalog;

/** From when an added discount runs: the subscription's agreement date, the service's effective date, or the day it was added. */
public enum DurationStart {
    AGREEMENT_DATE,
    SERVICE_EFFECTIVE_DATE,
    DATE_ADDED
}
