package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job discounts end to end (issues 12 and 13, the seeds' D4 and D5), through {@code /api/jobs} and the bills the
 * jobs get on completion: D4, 50 % at level 1 off the installation fee of a job completed later than expected, added
 * by an agent and approved by a Customer Care Manager (80.00 → 40.00); D5, 20.00 off it applied by billing, only on a
 * late job (80.00 → 60.00; on time 80.00). Jobs are completed on explicit dates: D4's in 2031, D5's in June 2032,
 * the only month D5 is valid in, so neither example's definition reaches the other's jobs (nor any other test's).
 */
class JobDiscountsIT extends LedgerIT {

    private String accountId;

    @BeforeEach
    void catalogAndAccount() {
        loadSampleCatalog();
        accountId = api.openAccount("Nikos", "Georgiou", "500.00");
        Await.until("the account on the read side", () -> api.get("reporter", "/api/accounts/" + accountId),
                response -> response.status() == 200);
    }

    @Test
    void d4AnAgentsHalfOffALateJobsInstallationIsApprovedByACareManagerAndBilledAt40() {
        String d4 = define("""
                {"code": "%s", "name": "Half the installation fee of a late job", "type": "AD_HOC",
                 "classification": "JOBS", "appliedServiceType": "NON_USAGE", "state": "EFFECTIVE",
                 "discount": {"kind": "PERCENTAGE", "percentage": 50, "level": 1},
                 "discountedProducts": {"productCodes": ["INSTALLATION-FEE"]},
                 "duration": {"start": "DATE_ADDED"},
                 "approval": {"required": true, "unitCodes": ["CUSTOMER-CARE-MANAGERS"]},
                 "criteria": {"job": {"completedLaterThanExpected": true}}}""", "D4");
        String jobId = installation("2031-05-10");
        String path = "/api/jobs/" + jobId + "/discounts";

        // a subscription discount is not for jobs; a refusal records nothing
        int before = trail(jobId).size();
        var refused = api.post("agent", path, "{\"definitionCode\":\"D2-CARE-GOODWILL\",\"amount\":"
                + "{\"amount\":10.00,\"currency\":\"EUR\"}}");
        AccountsIT.assertProblem(refused, 422, "DISCOUNT_NOT_FOR_JOBS", "definitionCode");
        assertThat(trail(jobId)).hasSize(before);

        var added = api.post("agent", path, "{\"definitionCode\":\"" + d4 + "\",\"note\":\"two days late\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        String discountId = added.json().get("discountId").asText();

        // it waits for a Customer Care Manager: in their pending list, not in the agent's
        Await.until("D4 pending a care manager's approval", () -> api.get("caremanager",
                "/api/discounts/pending-approval").json(), pending -> pending.findValuesAsText("jobId").contains(jobId));
        assertThat(api.get("agent", "/api/discounts/pending-approval").json().findValuesAsText("jobId"))
                .doesNotContain(jobId);

        // the agent may not approve it; a Customer Care Manager may
        var notAllowed = api.post("agent", path + "/" + discountId + "/approve", "{}");
        AccountsIT.assertProblem(notAllowed, 403, "DISCOUNT_APPROVAL_NOT_ALLOWED", null);
        var approved = api.post("caremanager", path + "/" + discountId + "/approve", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode state = api.get("agent", path).json();
        assertThat(state).hasSize(1);
        assertThat(state.get(0).get("status").asText()).isEqualTo("APPROVED");

        // the preview of a completion two days late shows the discount; then the job is completed so
        JsonNode preview = api.post("agent", "/api/jobs/" + jobId + "/bill-preview",
                "{\"billingDate\":\"2031-05-12\"}").json();
        assertThat(preview.toString()).contains(d4);

        JsonNode bill = complete(jobId, "2031-05-12");
        assertThat(Amounts.of(bill.get("total"))).isEqualByComparingTo("40.00");
        JsonNode discountLine = bill.get("lines").get(1);
        assertThat(discountLine.get("kind").asText()).isEqualTo("DISCOUNT");
        assertThat(discountLine.get("productCode").asText()).isEqualTo(d4);
        assertThat(Amounts.of(discountLine.get("amount"))).isEqualByComparingTo("-40.00");
        assertThat(discountLine.toString()).contains("job completed later than expected", "1 INSTALLATION-FEE");

        JsonNode job = api.get("agent", "/api/jobs/" + jobId).json();
        assertThat(job.get("late").asBoolean()).isTrue();
        assertThat(decimal(job.at("/discounts/0/applied/amount/amount"))).isEqualByComparingTo("40.00");
        assertThat(trail(jobId)).extracting(event -> event.get("type").asText())
                .containsSubsequence("JobDiscountAdded", "JobDiscountApproved", "JobCompleted", "JobBilled",
                        "JobDiscountApplied");
        JsonNode approval = java.util.stream.StreamSupport.stream(trail(jobId).spliterator(), false)
                .filter(event -> event.get("type").asText().equals("JobDiscountApproved")).findFirst().orElseThrow();
        assertThat(approval.at("/metadata/principal").asText()).isEqualTo("caremanager");

        JsonNode report = Await.until("D4 in the applied additive discounts report", () -> api.get("reporter",
                "/api/reports/applied-discounts?from=2031-05-01&to=2031-05-31&definition=" + d4).json(),
                json -> json.get("lines").size() == 1);
        JsonNode line = report.get("lines").get(0);
        assertThat(line.get("period").asText()).isEqualTo("2031-05");
        assertThat(line.get("jobs").asLong()).isEqualTo(1);
        assertThat(line.get("subscriptions").asLong()).isZero();
        assertThat(line.get("applications").asLong()).isEqualTo(1);
        assertThat(decimal(line.get("amount").get("amount"))).isEqualByComparingTo("40.00");

        // billed: no discount is added any more
        var tooLate = api.post("agent", path, "{\"definitionCode\":\"" + d4 + "\"}");
        AccountsIT.assertProblem(tooLate, 409, "JOB_ALREADY_BILLED", null);
    }

    @Test
    void d5TakesTwentyOffTheInstallationOfALateJobAndNothingOffAJobOnTime() {
        String d5 = define("""
                {"code": "%s", "name": "20.00 off the installation fee of a late job", "type": "AUTO_APPLY",
                 "classification": "JOBS", "appliedServiceType": "NON_USAGE", "state": "EFFECTIVE",
                 "discount": {"kind": "AMOUNT", "amount": {"amount": 20.00, "currency": "EUR"}},
                 "discountedProducts": {"productCodes": ["INSTALLATION-FEE"]},
                 "validity": {"from": "2032-06-01", "to": "2032-06-30"},
                 "duration": {"start": "DATE_ADDED"},
                 "criteria": {"job": {"completedLaterThanExpected": true}}}""", "D5");

        String late = installation("2032-06-10");
        JsonNode lateBill = complete(late, "2032-06-12");
        assertThat(Amounts.of(lateBill.get("total"))).isEqualByComparingTo("60.00");
        assertThat(lateBill.get("lines")).extracting(line -> line.get("kind").asText())
                .containsExactly("ONE_OFF", "DISCOUNT");
        assertThat(lateBill.get("lines").get(1).get("productCode").asText()).isEqualTo(d5);
        JsonNode discounts = api.get("agent", "/api/jobs/" + late + "/discounts").json();
        assertThat(discounts.get(0).get("discountId").asText()).isEqualTo("auto:" + d5);
        assertThat(decimal(discounts.get(0).at("/applied/amount/amount"))).isEqualByComparingTo("20.00");

        JsonNode report = Await.until("D5 in the applied additive discounts report", () -> api.get("reporter",
                "/api/reports/applied-discounts?from=2032-06-01&to=2032-06-30&definition=" + d5).json(),
                json -> json.get("lines").size() == 1);
        assertThat(report.at("/lines/0/jobs").asLong()).isEqualTo(1);
        assertThat(decimal(report.at("/lines/0/amount/amount"))).isEqualByComparingTo("20.00");

        String onTime = installation("2032-06-10");
        JsonNode onTimeBill = complete(onTime, "2032-06-10");
        assertThat(Amounts.of(onTimeBill.get("total"))).isEqualByComparingTo("80.00");
        assertThat(onTimeBill.get("lines")).hasSize(1);
        assertThat(api.get("agent", "/api/jobs/" + onTime + "/discounts").json()).isEmpty();

        Await.until("both bills posted to the account", () -> api.get("agent", "/api/accounts/" + accountId).json(),
                account -> Amounts.of(account.get("balance")).compareTo(new BigDecimal("140.00")) == 0);
    }

    /** An installation job in progress with its 80.00 installation fee, expected on {@code expected}. */
    private String installation(String expected) {
        var created = api.post("agent", "/api/jobs", """
                {"accountId":"%s","jobTypeCode":"INSTALLATION","billingTermScheme":"RESIDENTIAL",
                 "expectedCompletion":"%s"}""".formatted(accountId, expected));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String jobId = created.json().get("jobId").asText();
        assertThat(api.post("agent", "/api/jobs/" + jobId + "/start", "{}").status()).isEqualTo(200);
        assertThat(api.post("agent", "/api/jobs/" + jobId + "/expenses",
                "{\"lineId\":\"fee\",\"productCode\":\"INSTALLATION-FEE\"}").status()).isEqualTo(200);
        return jobId;
    }

    /** Completes the job on {@code on} and answers its bill, once billing issued it. */
    private JsonNode complete(String jobId, String on) {
        var completed = api.post("agent", "/api/jobs/" + jobId + "/complete",
                "{\"actualCompletion\":\"" + on + "\"}");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        JsonNode job = Await.until("the job billed", () -> api.get("agent", "/api/jobs/" + jobId).json(),
                json -> json.path("bill").isObject());
        String billId = job.get("bill").get("billId").asText();
        return Await.until("the job's bill", () -> api.get("agent", "/api/bills/" + billId),
                response -> response.status() == 200).json();
    }

    private String define(String json, String prefix) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/additive-discounts", json.formatted(code));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    private JsonNode trail(String jobId) {
        return api.get("auditor", "/api/audit/jobs/" + jobId + "/events").json().get("events");
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isObject() ? Amounts.of(node) : new BigDecimal(node.asText());
    }
}
