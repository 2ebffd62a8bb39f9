package org.subledger.kernel.catalog;

/** AD_HOC: an agent adds the discount to a subscription; AUTO_APPLY: billing applies it when its criteria hold. */
public enum DiscountType {
    AD_HOC,
    AUTO_APPLY
}
