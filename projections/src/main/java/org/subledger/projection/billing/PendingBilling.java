package org.subledger.projection.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one batch of events does to the bill and bill run read models, written by {@link BillWriter} just before the
 * batch commits: the bill runs' own events as statements in event order, the bills (by id, so one redelivered within
 * the batch counts once) and the failures.
 */
final class PendingBilling {

    record RunStatement(String sql, Object[] arguments) {
    }

    record Failure(String subscriptionId,
                   long eventSequence,
                   String runId,
                   String accountId,
                   LocalDate billingDate,
                   String errorCode,
                   String reason,
                   Instant failedAt) {

        String key() {
            return subscriptionId + "#" + eventSequence;
        }
    }

    final List<RunStatement> runStatements = new ArrayList<>();
    final Map<String, BillRow> bills = new LinkedHashMap<>();
    final Map<String, Failure> failures = new LinkedHashMap<>();

    void run(String sql, Object... arguments) {
        runStatements.add(new RunStatement(sql, arguments));
    }

    void bill(BillRow bill) {
        bills.putIfAbsent(bill.billId(), bill);
    }

    void failure(Failure failure) {
        failures.putIfAbsent(failure.key(), failure);
    }
}
