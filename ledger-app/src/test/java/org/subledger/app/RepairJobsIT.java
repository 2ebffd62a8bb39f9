package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repair job swaps installed decoders: each good delivered with the serial number it replaces is swapped on the
 * account's subscription when the job completes, through the subscription's own command with the job as cause; a
 * swap the subscription refuses is listed as needing attention, shown on the job, its serial number given back, and
 * the other swaps still happen.
 */
class RepairJobsIT extends LedgerIT {

    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    private String accountId;
    private String subscriptionId;
    private final String suffix = UUID.randomUUID().toString();
    private final String kept = "SN-KEPT-" + suffix;
    private final String faulty = "SN-FAULTY-" + suffix;

    @BeforeEach
    void aSubscriptionWithTwoDecoders() {
        loadSampleCatalog();
        accountId = api.openAccount("Nikos", "Ioannou", "500.00");
        var subscription = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}],
                 "installedItems":[{"serialNumber":"%s","productCode":"DECODER"},
                                   {"serialNumber":"%s","productCode":"DECODER"}]}"""
                .formatted(accountId, kept, faulty));
        assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);
        subscriptionId = subscription.json().get("subscriptionId").asText();
    }

    @Test
    void aRepairSwapsTheFaultyDecoderOnCompletionAndARefusedSwapNeedsAttention() {
        String replacement = "SN-NEW-" + suffix;
        String lost = "SN-LOST-" + suffix;
        var created = api.post("agent", "/api/jobs", """
                {"accountId":"%s","jobTypeCode":"REPAIR","billingTermScheme":"RESIDENTIAL",
                 "expectedCompletion":"%s"}""".formatted(accountId, TODAY));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String jobId = created.json().get("jobId").asText();
        assertThat(api.post("agent", "/api/jobs/" + jobId + "/start", "{}").status()).isEqualTo(200);

        // an item that is on no subscription of the account is not replaced, and nothing is recorded
        var nowhere = api.post("agent", "/api/jobs/" + jobId + "/goods", """
                {"productCode":"DECODER","serialNumber":"%s","replacesSerialNumber":"SN-NOWHERE-%s"}"""
                .formatted(replacement, suffix));
        assertThat(nowhere.status()).isEqualTo(422);
        assertThat(nowhere.header("Content-Type")).startsWith("application/problem+json");
        assertThat(nowhere.json().get("code").asText()).isEqualTo("JOB_RULE_VIOLATED");

        // first a replacement whose swap will be refused (its item is taken off the subscription meanwhile), then
        // the faulty decoder's
        var first = api.post("agent", "/api/jobs/" + jobId + "/goods", """
                {"lineId":"lost","productCode":"DECODER","serialNumber":"%s","replacesSerialNumber":"%s"}"""
                .formatted(lost, kept));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        var second = api.post("agent", "/api/jobs/" + jobId + "/goods", """
                {"lineId":"new","productCode":"DECODER","serialNumber":"%s","replacesSerialNumber":"%s"}"""
                .formatted(replacement, faulty));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(api.post("agent", "/api/subscriptions/" + subscriptionId + "/installed-items/" + kept
                + "/remove", "{}").status()).isEqualTo(200);

        var completed = api.post("agent", "/api/jobs/" + jobId + "/complete",
                "{\"actualCompletion\":\"" + TODAY + "\"}");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);

        JsonNode installed = Await.until("the replacement installed", () -> api.get("agent",
                "/api/installed-items/" + replacement), response -> response.status() == 200).json();
        assertThat(installed.get("subscriptionId").asText()).isEqualTo(subscriptionId);
        assertThat(installed.get("installedOn").asText()).isEqualTo(TODAY);
        JsonNode swappedOut = Await.until("the faulty decoder taken off", () -> api.get("agent",
                "/api/installed-items/" + faulty).json(), item -> !item.path("removedOn").isNull());
        assertThat(swappedOut.get("removedOn").asText()).isEqualTo(TODAY);
        JsonNode swap = StreamSupport.stream(api.get("auditor", "/api/audit/subscriptions/" + subscriptionId
                        + "/events").json().get("events").spliterator(), false)
                .filter(event -> event.get("type").asText().equals("InstalledItemSwapped"))
                .findFirst().orElseThrow();
        assertThat(swap.get("metadata").get("cause").asText()).isEqualTo("job:" + jobId);
        assertThat(swap.get("payload").get("item").get("serialNumber").asText()).isEqualTo(replacement);

        String stepId = "job-swap:" + jobId + ":lost";
        JsonNode attention = Await.until("the refused swap on the attention list", () -> attentionItem(stepId),
                item -> item != null);
        assertThat(attention.get("process").asText()).isEqualTo("job-repairs");
        assertThat(attention.get("command").asText()).isEqualTo("SwapInstalledItem");
        assertThat(attention.get("subjectId").asText()).isEqualTo(jobId);
        assertThat(attention.get("target").asText()).isEqualTo(subscriptionId);
        assertThat(api.get("agent", "/api/installed-items/" + lost).status()).isEqualTo(404);

        // compensated: the job shows the refusal, and the refused replacement's serial number is free again
        JsonNode job = Await.until("the refusal on the job", () -> api.get("agent", "/api/jobs/" + jobId).json(),
                json -> json.at("/replacements/0/status").asText().equals("REFUSED"));
        assertThat(job.get("replacements")).hasSize(2);
        JsonNode refusedLine = job.get("replacements").get(0);
        assertThat(refusedLine.get("lineId").asText()).isEqualTo("lost");
        assertThat(refusedLine.get("subscriptionId").asText()).isEqualTo(subscriptionId);
        assertThat(refusedLine.get("replacedSerialNumber").asText()).isEqualTo(kept);
        assertThat(refusedLine.get("serialNumber").asText()).isEqualTo(lost);
        assertThat(refusedLine.get("refusalCode").asText()).isNotBlank();
        JsonNode delivered = job.get("replacements").get(1);
        assertThat(delivered.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.get("replacedSerialNumber").asText()).isEqualTo(faulty);
        assertThat(delivered.get("serialNumber").asText()).isEqualTo(replacement);
        assertThat(trail(jobId)).extracting(event -> event.get("type").asText())
                .contains("JobReplacementRefused");
        // the job list (its read model) shows the same
        JsonNode listed = Await.until("the replacements in the account's jobs", () -> api.get("agent",
                "/api/jobs?accountId=" + accountId).json(), jobs -> jobs.size() == 1
                && jobs.at("/0/replacements/0/status").asText().equals("REFUSED"));
        assertThat(listed.at("/0/replacements/1/status").asText()).isEqualTo("DELIVERED");
        assertThat(listed.at("/0/replacements/0/serialNumber").asText()).isEqualTo(lost);
        // the serial number given back is sold by another job
        var sale = api.post("agent", "/api/jobs", """
                {"accountId":"%s","jobTypeCode":"SHOP-SALE","billingTermScheme":"RESIDENTIAL",
                 "expectedCompletion":"%s"}""".formatted(accountId, TODAY));
        assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        var sold = api.post("agent", "/api/jobs/" + sale.json().get("jobId").asText() + "/goods", """
                {"productCode":"DECODER","serialNumber":"%s"}""".formatted(lost));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(200);

        // the job's trail: each replacement recorded with what it replaces
        assertThat(trail(jobId)).extracting(event -> event.get("type").asText()).contains("JobReplacementDelivered");
    }

    private JsonNode trail(String jobId) {
        return api.get("auditor", "/api/audit/jobs/" + jobId + "/events").json().get("events");
    }

    private JsonNode attentionItem(String stepId) {
        JsonNode page = api.get("supervisor", "/api/attention").json();
        return StreamSupport.stream(page.get("content").spliterator(), false)
                .filter(item -> stepId.equals(item.get("stepId").asText()))
                .findFirst().orElse(null);
    }
}
