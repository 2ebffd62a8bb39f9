package org.subledger.kernel.billing;

import org.subledger.kernel.money.Money;

import java.time.LocalDate;

/**
 * Bill one event charge of a subscription (a start-up fee, an early-termination penalty) at once, as a numbered bill
 * of one line: {@code amount} (VAT inclusive) of {@code productCode} (its tax rate gives the tax part; {@code null}:
 * a charge without a product, such as the penalty, carries no tax), charged on {@code chargedOn} (the line's date);
 * the bill is issued the day it is written and due by the payment term of {@code billingTermSchemeCode} (else the
 * ledger's). {@code chargeId} keys the bill: a second command with the
 * same id issues nothing. {@code explanation}: how the amount was rated, if it was.
 */
public record IssueEventChargeBill(String chargeId,
                                   String accountId,
                                   String subscriptionId,
                                   String productCode,
                                   String description,
                                   Money amount,
                                   LocalDate chargedOn,
                                   String billingTermSchemeCode,
                                   LineExplanation explanation) {
}
