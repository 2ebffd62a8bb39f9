package org.subledger.kernel.subscription;

/**
 * The behaviour of a subscription action: what it does to the subscription. Business classification codes and the
 * operator's configurable action / sub-action types refine it; billing policies that charge on events (e.g. a
 * start-up fee on BECOME_SUBSCRIBER) key on it.
 */
public enum BehaviourCode {
    BECOME_SUBSCRIBER,
    ACTIVATE,
    ADD_SERVICE,
    REMOVE_SERVICE,
    SWAP_SERVICE,
    ADD_INSTALLED_ITEM,
    SWAP_INSTALLED_ITEM,
    REMOVE_INSTALLED_ITEM,
    ADD_DISTRIBUTOR,
    REMOVE_DISTRIBUTOR,
    AMEND_BILLING_TERMS,
    DEACTIVATE,
    REACTIVATE,
    TERMINATE,
    RECORD_USAGE,
    ADD_ONE_OFF_CHARGE,
    SET_BILLING_DIRECTIVE,
    ADD_DISCOUNT,
    APPROVE_DISCOUNT,
    REJECT_DISCOUNT,
    REMOVE_DISCOUNT,
    REQUEST_BUY_IN_ADVANCE,
    BILL
}
