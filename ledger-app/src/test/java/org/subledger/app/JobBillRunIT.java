package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job type may say its jobs are billed by the bill run instead of on completion (issue 13): a completed job of such
 * a type gets no bill at completion, a run dated before its completion leaves it, the first run on or after its
 * completion bills it once (a JOB bill carrying the run's id, issued on the run's date), and the next run finds
 * nothing. Runs are scoped to the test's account, so they bill nobody else's subscriptions or jobs.
 */
class JobBillRunIT extends LedgerIT {

    private static final String COMPLETED_ON = "2033-03-10";

    private String accountId;
    private String jobType;

    @BeforeEach
    void aJobTypeBilledByTheBillRun() {
        loadSampleCatalog();
        accountId = api.openAccount("Eleni", "Markou", "500.00");
        jobType = "MAINTENANCE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var defined = api.post("admin", "/api/catalog/job-types", """
                {"code":"%s","name":"Maintenance visit","allowedProducts":["INSTALLATION-FEE"],
                 "billingMoment":"BILL_RUN"}""".formatted(jobType));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
    }

    @Test
    void aCompletedJobOfABillRunTypeIsBilledOnceByTheFirstRunOnOrAfterItsCompletion() {
        String jobId = completedJob();

        // not billed at completion: it waits for the bill run, and may not be billed by hand meanwhile
        JsonNode job = api.get("agent", "/api/jobs/" + jobId).json();
        assertThat(job.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("awaitingBillRun").asBoolean()).isTrue();
        assertThat(job.get("bill").isNull()).isTrue();
        assertThat(trail(jobId)).extracting(event -> event.get("type").asText())
                .containsSubsequence("JobCompleted", "JobBillingDeferred");
        AccountsIT.assertProblem(api.post("billing", "/api/jobs/" + jobId + "/bill", "{}"), 409,
                "JOB_STATE_INVALID", "state");

        // a run dated before the completion leaves it
        JsonNode early = run("2033-03-09");
        assertThat(early.get("subscriptionsTotal").asLong()).isZero();
        assertThat(api.get("agent", "/api/jobs/" + jobId).json().get("awaitingBillRun").asBoolean()).isTrue();

        // the first run on or after it bills it: one JOB bill of the run, issued on the run's date
        JsonNode billing = run("2033-03-31");
        assertThat(billing.get("subscriptionsTotal").asLong()).isEqualTo(1);
        assertThat(billing.get("billed").asLong()).isEqualTo(1);
        job = api.get("agent", "/api/jobs/" + jobId).json();
        assertThat(job.get("awaitingBillRun").asBoolean()).isFalse();
        String billId = job.get("bill").get("billId").asText();
        JsonNode bill = Await.until("the job's bill", () -> api.get("reporter", "/api/bills/" + billId),
                response -> response.status() == 200).json();
        assertThat(bill.get("kind").asText()).isEqualTo("JOB");
        assertThat(bill.get("runId").asText()).isEqualTo(billing.get("runId").asText());
        assertThat(bill.get("issuedOn").asText()).isEqualTo("2033-03-31");
        assertThat(bill.get("lines")).hasSize(1);
        assertThat(bill.get("lines").get(0).get("productCode").asText()).isEqualTo("INSTALLATION-FEE");
        assertThat(Amounts.of(bill.get("total"))).isEqualByComparingTo("80.00");
        JsonNode bills = Await.until("the bill in the account's bills", () -> api.get("reporter",
                "/api/accounts/" + accountId + "/bills?size=50").json(), page -> page.get("content").size() == 1);
        assertThat(bills.at("/content/0/billId").asText()).isEqualTo(billId);

        // the next run finds nothing more to bill, and the job was billed once
        JsonNode again = run("2033-04-30");
        assertThat(again.get("subscriptionsTotal").asLong()).isZero();
        assertThat(again.get("billed").asLong()).isZero();
        assertThat(StreamSupport.stream(trail(jobId).spliterator(), false)
                .filter(event -> event.get("type").asText().equals("JobBilled")).count()).isEqualTo(1);
    }

    @Test
    void aJobTypeDefinedWithoutABillingMomentIsBilledOnCompletion() {
        JsonNode repair = Await.until("the REPAIR job type", () -> api.get("reporter",
                "/api/catalog/job-types/REPAIR"), response -> response.status() == 200).json();
        assertThat(repair.toString()).contains("\"billingMoment\":\"ON_COMPLETION\"");
    }

    /** A job of the test's type with an 80.00 installation fee, completed on {@link #COMPLETED_ON}. */
    private String completedJob() {
        var created = api.post("agent", "/api/jobs", """
                {"accountId":"%s","jobTypeCode":"%s","billingTermScheme":"RESIDENTIAL",
                 "expectedCompletion":"%s"}""".formatted(accountId, jobType, COMPLETED_ON));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String jobId = created.json().get("jobId").asText();
        assertThat(api.post("agent", "/api/jobs/" + jobId + "/start", "{}").status()).isEqualTo(200);
        var fee = api.post("agent", "/api/jobs/" + jobId + "/expenses",
                "{\"lineId\":\"fee\",\"productCode\":\"INSTALLATION-FEE\"}");
        assertThat(fee.status()).as(fee.toString()).isEqualTo(200);
        var completed = api.post("agent", "/api/jobs/" + jobId + "/complete",
                "{\"actualCompletion\":\"" + COMPLETED_ON + "\"}");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        return jobId;
    }

    /** A bill run of the test's account on {@code billingDate}, once completed with every candidate counted. */
    private JsonNode run(String billingDate) {
        return BillRuns.runToCompletion(api, """
                {"billingDate":"%s","accountIds":["%s"]}""".formatted(billingDate, accountId));
    }

    private JsonNode trail(String jobId) {
        return api.get("auditor", "/api/audit/jobs/" + jobId + "/events").json().get("events");
    }
}
