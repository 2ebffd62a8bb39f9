package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Taking goods, expenses and activities off a job before it is billed: each removal an event on the job, a removed
 * decoder's serial number free for another job at once, the bill made of what is left; once billed, a removal is
 * refused with JOB_ALREADY_BILLED and records nothing.
 */
class JobContentRemovalIT extends LedgerIT {

    private static final String DUE = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();

    private String accountId;

    @BeforeEach
    void catalogAndAccount() {
        loadSampleCatalog();
        accountId = api.openAccount("Maria", "Georgiou", "500.00");
        Await.until("the account on the read side", () -> api.get("reporter", "/api/accounts/" + accountId),
                response -> response.status() == 200);
    }

    @Test
    void contentsComeOffUntilTheJobIsBilledAndARemovedSerialIsFreeForAnotherJob() {
        String serial = "SN-RM-" + UUID.randomUUID();
        String jobId = installationJob();
        String otherJob = installationJob();
        assertThat(api.post("agent", "/api/jobs/" + jobId + "/start", "{}").status()).isEqualTo(200);
        assertThat(api.post("agent", "/api/jobs/" + jobId + "/goods",
                "{\"lineId\":\"decoder\",\"productCode\":\"DECODER\",\"serialNumber\":\"" + serial + "\"}").status())
                .isEqualTo(200);
        assertThat(api.post("agent", "/api/jobs/" + jobId + "/expenses",
                "{\"lineId\":\"fee\",\"productCode\":\"INSTALLATION-FEE\"}").status()).isEqualTo(200);
        assertThat(api.post("agent", "/api/jobs/" + jobId + "/activities", """
                {"activityId":"install","activityTypeCode":"INSTALL",
                 "services":[{"productCode":"INSTALLATION","minutes":180}]}""").status()).isEqualTo(200);

        // the decoder is on this job: another job cannot have it
        var taken = api.post("agent", "/api/jobs/" + otherJob + "/goods",
                "{\"productCode\":\"DECODER\",\"serialNumber\":\"" + serial + "\"}");
        assertThat(taken.json().get("code").asText()).as(taken.toString()).isEqualTo("SERIAL_NUMBER_IN_USE");

        var removed = api.post("agent", "/api/jobs/" + jobId + "/goods/" + serial + "/remove",
                "{\"reason\":\"wrong decoder\"}");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(api.post("agent", "/api/jobs/" + jobId + "/activities/install/remove", "{}").status())
                .isEqualTo(200);
        // released with the removal: now the other job delivers it
        var delivered = api.post("agent", "/api/jobs/" + otherJob + "/goods",
                "{\"productCode\":\"DECODER\",\"serialNumber\":\"" + serial + "\"}");
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);

        // what is not on the job is refused, and recorded nothing
        int before = trail(jobId).size();
        var gone = api.post("agent", "/api/jobs/" + jobId + "/activities/install/remove", "{}");
        assertThat(gone.status()).isEqualTo(422);
        assertThat(gone.header("Content-Type")).startsWith("application/problem+json");
        assertThat(gone.json().get("code").asText()).isEqualTo("JOB_RULE_VIOLATED");
        assertThat(trail(jobId)).hasSize(before);

        JsonNode job = api.get("agent", "/api/jobs/" + jobId).json();
        assertThat(job.get("goods")).isEmpty();
        assertThat(job.get("activities")).isEmpty();
        assertThat(job.get("expenses")).hasSize(1);
        JsonNode preview = api.post("agent", "/api/jobs/" + jobId + "/bill-preview", "{}").json();
        assertThat(Amounts.of(preview.get("total"))).isEqualByComparingTo("80.00");

        assertThat(api.post("agent", "/api/jobs/" + jobId + "/complete",
                "{\"actualCompletion\":\"" + DUE + "\"}").status()).isEqualTo(200);
        JsonNode billed = Await.until("the job billed", () -> api.get("agent", "/api/jobs/" + jobId).json(),
                json -> json.path("bill").isObject());
        assertThat(Amounts.of(billed.get("bill").get("total"))).isEqualByComparingTo("80.00");

        int billedEvents = trail(jobId).size();
        var late = api.post("agent", "/api/jobs/" + jobId + "/expenses/fee/remove", "{}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.header("Content-Type")).startsWith("application/problem+json");
        assertThat(late.json().get("code").asText()).isEqualTo("JOB_ALREADY_BILLED");
        assertThat(trail(jobId)).hasSize(billedEvents).extracting(event -> event.get("type").asText())
                .containsExactly("JobCreated", "JobStarted", "JobGoodAdded", "JobExpenseAdded", "JobActivityAdded",
                        "JobGoodRemoved", "JobActivityRemoved", "JobCompleted", "JobBilled");
        assertThat(trail(jobId).get(5).get("payload").get("reason").asText()).isEqualTo("wrong decoder");
    }

    private String installationJob() {
        var created = api.post("agent", "/api/jobs", """
                {"accountId":"%s","jobTypeCode":"INSTALLATION","billingTermScheme":"RESIDENTIAL",
                 "expectedCompletion":"%s"}""".formatted(accountId, DUE));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("jobId").asText();
    }

    private JsonNode trail(String jobId) {
        return api.get("auditor", "/api/audit/jobs/" + jobId + "/events").json().get("events");
    }
}
