package org.subledger.kernel.billing.query;

/** A bill with its lines, as the read model has it. Answer: {@code Optional<BillDetails>}. */
public record FindBill(String billId) {
}
