package org.subledger.kernel.account;

import org.subledger.kernel.money.Money;

import java.time.LocalDate;

/**
 * A debit the customer still owes (an open item of accounts receivable): a bill ({@code itemId} is its bill id), or a
 * charge or debit adjustment posted without a bill ({@code itemId} is its posting id, due the day it was posted).
 * {@code open} is what of it is not settled yet, always positive.
 */
public record OpenItem(String itemId, LocalDate dueDate, Money open) {
}
