package org.subledger.kernel.catalog;

/**
 * The group a price plan rate belongs to, from the service it prices: one-time services (by duration), expenses
 * (a fixed amount; never tiered), termed services (recurring), physical goods.
 */
public enum RateClassification {
    ONE_TIME_SERVICE,
    EXPENSE,
    TERMED_SERVICE,
    PHYSICAL_GOOD
}
