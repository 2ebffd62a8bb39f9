package org.subledger.kernel.billing;

/** Why a bill was issued: by a bill run (RUN), or for usage billed early (a threshold reached, or a prepaid subscription). */
public enum BillKind {
    RUN,
    USAGE
}
