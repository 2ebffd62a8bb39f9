package org.subledger.kernel.organisation;

/** What an organisational unit is: a department of the operator, a group inside one, or a third party. */
public enum UnitKind {
    DEPARTMENT,
    GROUP,
    /** An installer company or a retailer working for the operator: a root of its own, never under the operator. */
    THIRD_PARTY
}
