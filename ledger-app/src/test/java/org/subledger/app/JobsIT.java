package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs end to end: an installation job created by the call centre and worked by an installer company's user, its
 * decoder's serial number claimed, billed once on completion (installation fee and three hours of installation),
 * its subscription created with the job as cause, all of it in the customer overview; a billed job refusing
 * changes; a job order refused over the credit limit with nothing recorded.
 */
class JobsIT extends LedgerIT {

    /** The ledger runs on the system clock: a job is due ten days after it is created, and completed then. */
    private static final String DUE = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();

    private String accountId;

    @BeforeEach
    void catalogAndAccount() {
        loadSampleCatalog();
        accountId = api.openAccount("Andreas", "Christou", "500.00");
        Await.until("the account on the read side", () -> api.get("reporter", "/api/accounts/" + accountId),
                response -> response.status() == 200);
    }

    @Test
    void anInstallerCompanyInstallsADecoderBillsTheJobOnceAndCreatesTheSubscription() {
        String serial = "SN-JOB-" + UUID.randomUUID();
        var created = api.post("agent", "/api/jobs", """
                {"accountId":"%s","jobTypeCode":"INSTALLATION","billingTermScheme":"RESIDENTIAL",
                 "expectedCompletion":"%s",
                 "subscription":{"subscriptionTypeCode":"GOLD","scheme":"RESIDENTIAL","billingFrequency":"MONTHLY",
                   "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                   "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}]}}""".formatted(accountId, DUE));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String jobId = created.json().get("jobId").asText();
        String subscriptionId = created.json().get("subscriptionId").asText();
        assertThat(created.header("Location")).isEqualTo("/api/jobs/" + jobId);

        // not assigned yet: the installer company does not see it
        var unseen = api.post("installer", "/api/jobs/" + jobId + "/start", "{}");
        assertThat(unseen.status()).isEqualTo(404);
        assertThat(unseen.json().get("code").asText()).isEqualTo("JOB_NOT_FOUND");
        assertThat(api.post("agent", "/api/jobs/" + jobId + "/assign",
                "{\"assignedUnit\":\"INSTALLER-FASTFIT\",\"reason\":\"nearest installer\"}").status()).isEqualTo(200);

        assertThat(api.post("installer", "/api/jobs/" + jobId + "/start", "{\"reason\":\"on site\"}").status())
                .isEqualTo(200);
        var decoder = api.post("installer", "/api/jobs/" + jobId + "/goods", """
                {"productCode":"DECODER","serialNumber":"%s"}""".formatted(serial));
        assertThat(decoder.status()).as(decoder.toString()).isEqualTo(200);
        assertThat(api.post("installer", "/api/jobs/" + jobId + "/expenses",
                "{\"lineId\":\"fee\",\"productCode\":\"INSTALLATION-FEE\"}").status()).isEqualTo(200);
        var activity = api.post("installer", "/api/jobs/" + jobId + "/activities", """
                {"activityId":"install","activityTypeCode":"INSTALL",
                 "services":[{"productCode":"INSTALLATION","minutes":180}]}""");
        assertThat(activity.status()).as(activity.toString()).isEqualTo(200);
        // an activity without its mandatory service is refused
        var incomplete = api.post("installer", "/api/jobs/" + jobId + "/activities", """
                {"activityTypeCode":"INSTALL","services":[{"productCode":"REPAIRS","minutes":30}]}""");
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.json().get("code").asText()).isEqualTo("JOB_RULE_VIOLATED");

        JsonNode preview = api.post("installer", "/api/jobs/" + jobId + "/bill-preview", "{}").json();
        assertThat(decimal(preview.get("total").get("amount"))).isEqualByComparingTo("140.00");
        assertThat(preview.get("lines")).hasSize(3);

        var completed = api.post("installer", "/api/jobs/" + jobId + "/complete",
                "{\"actualCompletion\":\"" + DUE + "\",\"reason\":\"installed and tested\"}");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);

        JsonNode job = Await.until("the job billed", () -> api.get("installer", "/api/jobs/" + jobId).json(),
                json -> !json.path("bill").isMissingNode() && !json.path("bill").isNull());
        assertThat(job.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("late").asBoolean()).isFalse();
        assertThat(job.get("goods").get(0).get("serialNumber").asText()).isEqualTo(serial);
        assertThat(job.get("activities").get(0).get("services").get(0).get("minutes").asInt()).isEqualTo(180);
        assertThat(decimal(job.get("bill").get("total").get("amount"))).isEqualByComparingTo("140.00");
        String billId = job.get("bill").get("billId").asText();

        JsonNode bill = Await.until("the job's bill", () -> api.get("agent", "/api/bills/" + billId),
                response -> response.status() == 200).json();
        assertThat(bill.get("kind").asText()).isEqualTo("JOB");
        assertThat(Amounts.of(bill.get("total"))).isEqualByComparingTo("140.00");
        assertThat(bill.get("lines")).extracting(line -> line.get("productCode").asText())
                .containsExactly("DECODER", "INSTALLATION-FEE", "INSTALLATION");
        assertThat(bill.get("lines")).extracting(line -> Amounts.of(line.get("amount")))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("80.00"), new BigDecimal("50.00"));
        // the job's bill, and the start-up fee event charging posts when the job's subscription is created
        Await.until("the bill posted to the account", () -> api.get("agent", "/api/accounts/" + accountId).json(),
                account -> Amounts.of(account.get("balance")).compareTo(new BigDecimal("145.00")) == 0);

        // billing it again issues nothing: the same bill answers, the balance stays
        var again = api.post("billing", "/api/jobs/" + jobId + "/bill", "{}");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("billId").asText()).isEqualTo(billId);
        assertThat(Amounts.of(api.get("agent", "/api/accounts/" + accountId).json().get("balance")))
                .isEqualByComparingTo("145.00");

        // billed: its contents are closed, and the refusal records nothing
        int eventsBefore = api.get("auditor", "/api/audit/jobs/" + jobId + "/events").json().get("events").size();
        var late = api.post("installer", "/api/jobs/" + jobId + "/expenses",
                "{\"productCode\":\"INSTALLATION-FEE\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.header("Content-Type")).startsWith("application/problem+json");
        assertThat(late.json().get("code").asText()).isEqualTo("JOB_ALREADY_BILLED");
        JsonNode trail = api.get("auditor", "/api/audit/jobs/" + jobId + "/events").json().get("events");
        assertThat(trail).hasSize(eventsBefore);
        assertThat(trail).extracting(event -> event.get("type").asText()).containsExactly("JobCreated",
                "JobAssigned", "JobStarted", "JobGoodAdded", "JobExpenseAdded", "JobActivityAdded", "JobCompleted",
                "JobBilled");
        assertThat(trail.get(2).get("metadata").get("principal").asText()).isEqualTo("installer");
        assertThat(trail.get(2).get("payload").get("reason").asText()).isEqualTo("on site");

        // the subscription, created through its own command with the job as cause, holds the decoder
        JsonNode subscription = Await.until("the job's subscription", () -> api.get("agent",
                "/api/subscriptions/" + subscriptionId), response -> response.status() == 200).json();
        assertThat(subscription.get("state").asText()).isEqualTo("EFFECTIVE");
        assertThat(subscription.get("activatedOn").asText()).isEqualTo(DUE);
        JsonNode item = Await.until("the decoder on the subscription", () -> api.get("agent",
                "/api/installed-items/" + serial), response -> response.status() == 200).json();
        assertThat(item.get("subscriptionId").asText()).isEqualTo(subscriptionId);
        JsonNode subscriptionEvents = api.get("auditor", "/api/audit/subscriptions/" + subscriptionId + "/events")
                .json().get("events");
        assertThat(subscriptionEvents.get(0).get("type").asText()).isEqualTo("SubscriptionCreated");
        assertThat(subscriptionEvents.get(0).get("metadata").get("cause").asText()).isEqualTo("job:" + jobId);
        assertThat(subscriptionEvents.get(0).get("payload").get("state").asText()).isEqualTo("DRAFT");
        // the draft activated by the job's process, so provisioning is told
        assertThat(subscriptionEvents.get(1).get("type").asText()).isEqualTo("SubscriptionActivated");
        assertThat(subscriptionEvents.get(1).get("metadata").get("cause").asText()).isEqualTo("job:" + jobId);
        Await.until("the job's subscription provisioned", () -> api.get("agent",
                        "/api/subscriptions/" + subscriptionId + "/services").json(),
                services -> services.isArray() && services.size() == 1
                        && "PROVISIONED".equals(services.get(0).path("provisioningState").asText()));

        JsonNode overview = Await.until("the overview with the job and its subscription", () -> api.get("agent",
                "/api/customers/" + accountId + "/overview").json(), json -> json.path("jobs").size() == 1
                && json.path("jobs").get(0).path("billNumber").isTextual()
                && json.path("subscriptions").size() == 1
                && json.path("subscriptions").get(0).path("installedItems").size() == 1);
        JsonNode listed = overview.get("jobs").get(0);
        assertThat(listed.get("jobId").asText()).isEqualTo(jobId);
        assertThat(listed.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(listed.get("assignedUnit").asText()).isEqualTo("INSTALLER-FASTFIT");
        assertThat(listed.get("subscriptionId").asText()).isEqualTo(subscriptionId);
        assertThat(Amounts.of(listed.get("billTotal"))).isEqualByComparingTo("140.00");
        assertThat(overview.get("subscriptions").get(0).get("installedItems").get(0).get("serialNumber").asText())
                .isEqualTo(serial);

        // as it stood when work started: in progress, nothing delivered yet
        String started = trail.get(2).get("timestamp").asText();
        JsonNode then = api.get("installer", "/api/jobs/" + jobId + "?asOf=" + started).json();
        assertThat(then.get("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(then.get("goods")).isEmpty();
        assertThat(then.get("bill").isNull()).isTrue();

        // completed on its expected date: not late (its row is settled, the overview showed its bill)
        assertThat(api.get("agent", "/api/jobs?late=true&accountId=" + accountId).json()).isEmpty();
        assertThat(api.get("agent", "/api/jobs?state=COMPLETED&accountId=" + accountId).json()).hasSize(1);

        // the installer company lists the jobs assigned to it
        JsonNode assigned = api.get("installer", "/api/jobs?assignedUnit=INSTALLER-FASTFIT").json();
        assertThat(assigned).extracting(row -> row.get("jobId").asText()).contains(jobId);
    }

    @Test
    void aJobOrderOverTheCreditLimitIsRefusedAndNothingIsRecorded() {
        String owing = api.openAccount("Eleni", "Pavlou", "50.00");
        assertThat(api.post("agent", "/api/accounts/" + owing + "/charges", "{\"amount\": 80.00}").status())
                .isEqualTo(201);
        String key = UUID.randomUUID().toString();
        var refused = api.post("agent", "/api/jobs", """
                {"accountId":"%s","jobTypeCode":"INSTALLATION","billingTermScheme":"RESIDENTIAL",
                 "expectedCompletion":"%s"}""".formatted(owing, DUE), Map.of("Idempotency-Key", key));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
        // the job would have had this id (the key's): its stream, read from the event store, does not exist
        String jobId = UUID.nameUUIDFromBytes(("agent\u0000" + key + "\u0000job").getBytes(StandardCharsets.UTF_8))
                .toString();
        assertThat(api.get("auditor", "/api/audit/jobs/" + jobId + "/events").status()).isEqualTo(404);
        assertThat(api.get("agent", "/api/jobs/" + jobId).status()).isEqualTo(404);
    }

    @Test
    void jobsAreListedByAccountStateAssignedUnitAndLateness() {
        String customer = api.openAccount("Sofia", "Kyriakou", "500.00");
        String overdue = job(customer, "2020-01-10");
        String onTrack = job(customer, DUE);
        assertThat(api.post("agent", "/api/jobs/" + onTrack + "/assign",
                "{\"assignedUnit\":\"INSTALLER-SKYMOUNT\"}").status()).isEqualTo(200);
        String cancelled = job(customer, "2020-01-10");
        assertThat(api.post("agent", "/api/jobs/" + cancelled + "/cancel", "{\"reason\":\"not needed\"}").status())
                .isEqualTo(200);

        // the read model follows: wait for the last change, then ask each list
        Await.until("the account's three jobs listed", () -> api.get("agent", "/api/jobs?accountId=" + customer)
                .json(), jobs -> jobs.size() == 3 && jobs.toString().contains("CANCELLED")
                && jobs.toString().contains("INSTALLER-SKYMOUNT"));
        // late: still open with its expected date passed (a cancelled job is not late)
        assertThat(api.get("agent", "/api/jobs?late=true&accountId=" + customer).json())
                .extracting(row -> row.get("jobId").asText()).containsExactly(overdue);
        assertThat(api.get("agent", "/api/jobs?state=CANCELLED&accountId=" + customer).json())
                .extracting(row -> row.get("jobId").asText()).containsExactly(cancelled);
        assertThat(api.get("agent", "/api/jobs?state=PENDING&accountId=" + customer).json())
                .extracting(row -> row.get("jobId").asText()).containsExactlyInAnyOrder(overdue, onTrack);
        assertThat(api.get("agent", "/api/jobs?assignedUnit=INSTALLER-SKYMOUNT&accountId=" + customer).json())
                .extracting(row -> row.get("jobId").asText()).containsExactly(onTrack);
        // the single job answers the same lateness from its own stream
        assertThat(api.get("agent", "/api/jobs/" + overdue).json().get("late").asBoolean()).isTrue();
        assertThat(api.get("agent", "/api/jobs/" + cancelled).json().get("late").asBoolean()).isFalse();
    }

    private String job(String account, String expected) {
        var created = api.post("agent", "/api/jobs", """
                {"accountId":"%s","jobTypeCode":"REPAIR","billingTermScheme":"RESIDENTIAL",
                 "expectedCompletion":"%s"}""".formatted(account, expected));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("jobId").asText();
    }

    @Test
    void aJobOnAnotherUnitsAccountIsAnsweredAsUnknown() {
        var refused = api.post("installer", "/api/jobs", """
                {"accountId":"%s","jobTypeCode":"REPAIR","billingTermScheme":"RESIDENTIAL",
                 "expectedCompletion":"%s"}""".formatted(accountId, DUE));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("code").asText()).isEqualTo("ACCOUNT_NOT_FOUND");
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isObject() ? Amounts.of(node) : new BigDecimal(node.asText());
    }
}
