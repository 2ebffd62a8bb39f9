package org.subledger.kernel.catalog;

import org.subledger.kernel.money.Money;

/** The amounts an agent may choose from for an ad hoc amount discount, both inclusive. */
public record MoneyRange(Money min, Money max) {
}
