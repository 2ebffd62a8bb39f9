package org.subledger.kernel.catalog;

/** Which services of a subscription an additive discount reduces: usage services, the others, or both. */
public enum AppliedServiceType {
    USAGE,
    NON_USAGE,
    BOTH
}
