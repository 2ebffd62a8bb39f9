package org.subledger.kernel.billing.query;

/**
 * A page of the bills issued to an account, newest first (by issue date, then bill number). Answer:
 * {@link BillPage}.
 */
public record ListAccountBills(String accountId, int page, int size) {
}
