package org.subledger.query.billing;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.FindAccount;
import org.subledger.kernel.billing.query.BillDetails;
import org.subledger.kernel.billing.query.FindBill;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

/**
 * The bill a reader asks about, as JSON or as a document, or BILL_NOT_FOUND: unknown, or on an account the reader may
 * not read (one rule for every representation of a bill).
 */
@Component
class ReadableBills {

    private final QueryGateway queryGateway;

    ReadableBills(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    BillDetails readable(String billId, AccessScope scope) {
        BillDetails bill = queryGateway.query(new FindBill(billId), ResponseTypes.optionalInstanceOf(BillDetails.class))
                .join().orElseThrow(() -> new LedgerRefusal(ErrorCode.BILL_NOT_FOUND, "No bill " + billId + "."));
        if (scope != null && !scope.superUser() && !scope.superReader()) {
            // a bill is the account's: readable by whoever may read its account (one lookup by key)
            String accountId = bill.bill().accountId();
            var account = account(accountId);
            if (account == null || !scope.mayReadAccount(accountId, account.owningUnit())) {
                throw LedgerRefusal.outOfScope(ErrorCode.BILL_NOT_FOUND, "bill", billId, "No bill " + billId + ".");
            }
        }
        return bill;
    }

    /** The account a bill is on ({@code null} while its projection has not caught up). */
    AccountSummary account(String accountId) {
        return queryGateway.query(new FindAccount(accountId), ResponseTypes.optionalInstanceOf(AccountSummary.class))
                .join().orElse(null);
    }
}
