package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Bill runs started over HTTP by the billing user, for tests that bill through the run. */
final class BillRuns {

    private BillRuns() {
    }

    /**
     * Starts a bill run with {@code body} (the {@code POST /api/bill-runs} request) and answers the run once it is
     * COMPLETED with every candidate counted as billed, failed or skipped.
     */
    static JsonNode runToCompletion(Api api, String body) {
        var started = api.post("billing", "/api/bill-runs", body);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String runId = started.json().get("runId").asText();
        return Await.until("bill run " + runId + " " + body, () -> api.get("reporter", "/api/bill-runs/" + runId),
                response -> response.status() == 200 && response.json().get("status").asText().equals("COMPLETED")
                        && response.json().get("billed").asLong() + response.json().get("failed").asLong()
                        + response.json().get("skipped").asLong()
                        == response.json().get("subscriptionsTotal").asLong()).json();
    }

    /** The run of one subscription type's bills on the billing date, once completed, with no subscription failed. */
    static JsonNode runWithoutFailures(Api api, LocalDate billingDate, String subscriptionTypeCode) {
        JsonNode run = runToCompletion(api, """
                {"billingDate":"%s","subscriptionTypeCode":"%s"}""".formatted(billingDate, subscriptionTypeCode));
        assertThat(run.get("failed").asLong()).as(run.toString()).isZero();
        return run;
    }
}
