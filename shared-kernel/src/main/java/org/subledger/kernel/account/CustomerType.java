package org.subledger.kernel.account;

/** Whether the customer owning an account is a physical person or a company. */
public enum CustomerType {
    PERSON,
    COMPANY
}
