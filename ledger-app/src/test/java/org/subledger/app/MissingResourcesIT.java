package org.subledger.app;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A missing resource answers 404 with a not-found code, also when its id is empty or blank (a client that lost the id
 * must learn "no such thing", not "your request is malformed"), and a command on it records nothing.
 */
class MissingResourcesIT extends LedgerIT {

    @Test
    void aBlankOrEmptyIdAnswersNotFoundOnTheMainResources() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/api/accounts/%20", "ACCOUNT_NOT_FOUND");
        expected.put("/api/accounts/%20/statement", "ACCOUNT_NOT_FOUND");
        expected.put("/api/accounts/%20/bills", "ACCOUNT_NOT_FOUND");
        expected.put("/api/accounts/%20/subscriptions", "ACCOUNT_NOT_FOUND");
        expected.put("/api/accounts/%20?asOf=2026-01-01T00:00:00Z", "ACCOUNT_NOT_FOUND");
        expected.put("/api/accounts/", "NOT_FOUND");
        expected.put("/api/subscriptions/%20", "SUBSCRIPTION_NOT_FOUND");
        expected.put("/api/subscriptions/", "NOT_FOUND");
        expected.put("/api/bills/%20", "BILL_NOT_FOUND");
        expected.put("/api/bills/", "NOT_FOUND");
        expected.put("/api/jobs/%20", "JOB_NOT_FOUND");
        expected.put("/api/catalog/products/%20", "CATALOG_ENTRY_NOT_FOUND");
        expected.put("/api/catalog/products/", "NOT_FOUND");
        for (var entry : expected.entrySet()) {
            AccountsIT.assertProblem(api.get("admin", entry.getKey()), 404, entry.getValue(), null);
        }
        for (String path : new String[]{"/api/bill-runs/%20", "/api/organisation/units/%20",
                "/api/organisation/users/%20", "/api/customers/%20/overview", "/api/audit/accounts/%20/events"}) {
            var response = api.get("admin", path);
            assertThat(response.status()).as(path + " " + response).isEqualTo(404);
            assertThat(ErrorCode.valueOf(response.json().get("code").asText()).kind()).as(path)
                    .isEqualTo(ErrorCode.Kind.NOT_FOUND);
        }
    }

    @Test
    void aCommandOnABlankIdAnswersNotFoundAndRecordsNothing() {
        var charge = api.post("agent", "/api/accounts/%20/charges", """
                {"amount":30.00,"description":"Gold package"}""");
        AccountsIT.assertProblem(charge, 404, "ACCOUNT_NOT_FOUND", null);
        var payment = api.post("agent", "/api/accounts/%20/payments", """
                {"amount":10.00,"reference":"card 4242"}""");
        AccountsIT.assertProblem(payment, 404, "ACCOUNT_NOT_FOUND", null);
        assertThat(recordedBy(charge, payment)).isZero();
    }
}
