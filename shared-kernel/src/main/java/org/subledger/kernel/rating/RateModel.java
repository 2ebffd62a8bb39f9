package org.subledger.kernel.rating;

/**
 * How levels price a quantity. FLAT is not cumulative: the whole quantity is priced at the amount of the level it
 * falls in (the base amount when it falls in none). TIERED is cumulative: each unit is priced at the amount of the
 * level it falls in (the base amount outside every level), and the units are added up.
 */
public enum RateModel {
    FLAT,
    TIERED
}
