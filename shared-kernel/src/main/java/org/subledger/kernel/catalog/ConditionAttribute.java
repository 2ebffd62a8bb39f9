package org.subledger.kernel.catalog;

/** What a condition of a price plan or usage catalog looks at, on the account or the subscription. */
public enum ConditionAttribute {
    ACCOUNT_CLASSIFICATION,
    ACCOUNT_CREDIT_RATING,
    CUSTOMER_TYPE,
    SUBSCRIPTION_TYPE,
    BILLING_FREQUENCY,
    BILLING_TERM_SCHEME
}
