package org.subledger.kernel.catalog;

/**
 * The life cycle of a discount or buy-in-advance definition: DRAFT while it is prepared, EFFECTIVE while it may be
 * added or applied, INACTIVE once withdrawn (kept for the history of what was given).
 */
public enum DefinitionState {
    DRAFT,
    EFFECTIVE,
    INACTIVE
}
