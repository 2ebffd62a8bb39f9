package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sagas' failure contract end to end: an account is not closed while a subscription points at it; a charge that
 * still reaches a closed account (the early-termination penalty of a subscription terminated just before the account
 * was closed, still on its way) is refused, recorded and listed as needing attention, and event charges go on.
 */
class AttentionIT extends LedgerIT {

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void sampleCatalog() {
        loadSampleCatalog();
    }

    String subscribeWithAPenalty(String accountId) {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY",
                                 "earlyTerminationPenalty":{"amount":120.00,"currency":"EUR"}},
                 "initialState":"EFFECTIVE","actionDate":"2026-02-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}]}""".formatted(accountId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    void awaitBalance(String accountId, String expected) {
        Await.until("balance " + expected + " of " + accountId, () -> api.get("reporter", "/api/accounts/" + accountId),
                response -> response.status() == 200 && Amounts.of(response.json().get("balance"))
                        .compareTo(new BigDecimal(expected)) == 0);
    }

    JsonNode attentionItem(String query, String stepId) {
        JsonNode page = api.get("supervisor", "/api/attention" + query).json();
        return StreamSupport.stream(page.get("content").spliterator(), false)
                .filter(item -> stepId.equals(item.get("stepId").asText()))
                .findFirst().orElse(null);
    }

    @Test
    void anAccountIsNotClosedWhileASubscriptionIsLive() {
        String accountId = api.openAccount("Still", "Subscribed", "500.00");
        subscribeWithAPenalty(accountId);
        awaitBalance(accountId, "5.00");
        assertThat(api.post("agent", "/api/accounts/" + accountId + "/payments", "{\"amount\": 5.00}").status())
                .isEqualTo(201);
        long before = eventCount(accountId);

        AccountsIT.assertProblem(api.post("supervisor", "/api/accounts/" + accountId + "/close", "{}"),
                422, "ACCOUNT_HAS_LIVE_SUBSCRIPTIONS", null);
        assertThat(eventCount(accountId)).isEqualTo(before);
    }

    @Test
    void aPenaltyRefusedByTheClosedAccountIsListedAsNeedingAttentionAndLaterChargesFlow() {
        String accountId = api.openAccount("Early", "Closer", "500.00");
        String subscriptionId = subscribeWithAPenalty(accountId);
        awaitBalance(accountId, "5.00");
        assertThat(api.post("agent", "/api/accounts/" + accountId + "/payments", "{\"amount\": 5.00}").status())
                .isEqualTo(201);

        // the penalty is on its way while the account is closed: the event-charge saga sees the termination only
        // after the closing (held back here so the order is certain, not a race)
        EventProcessor charges = processing.eventProcessor("event-charges").orElseThrow();
        charges.shutDown();
        try {
            assertThat(api.post("supervisor", "/api/subscriptions/" + subscriptionId + "/terminate",
                    "{\"actionDate\":\"2026-06-01\"}").status()).isEqualTo(200);
            var closed = api.post("supervisor", "/api/accounts/" + accountId + "/close", "{\"reason\":\"left\"}");
            assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        } finally {
            charges.start();
        }
        long accountEvents = eventCount(accountId);

        String stepId = "early-termination:" + subscriptionId;
        JsonNode item = Await.until("the refused penalty on the attention list",
                () -> attentionItem("", stepId), found -> found != null);
        assertThat(item.get("code").asText()).isEqualTo("ACCOUNT_CLOSED");
        assertThat(item.get("process").asText()).isEqualTo("event-charges");
        assertThat(item.get("step").asText()).isEqualTo("early-termination-penalty");
        assertThat(item.get("subjectId").asText()).isEqualTo(subscriptionId);
        assertThat(item.get("target").asText()).isEqualTo(accountId);
        assertThat(item.get("command").asText()).isEqualTo("IssueEventChargeBill");
        assertThat(item.get("reason").asText()).contains("closed");
        assertThat(item.get("refusedAt").asText()).isNotBlank();
        assertThat(item.get("resolvedAt").isNull()).isTrue();
        // refused, so recorded nowhere on the account; recorded once however often the event is delivered
        assertThat(eventCount(accountId)).isEqualTo(accountEvents);
        String refusalId = item.get("refusalId").asText();
        assertThat(eventCount(refusalId)).isEqualTo(1);

        // the saga moved on: a later event charge, on another account, is posted
        String other = api.openAccount("Later", "Customer", "500.00");
        subscribeWithAPenalty(other);
        awaitBalance(other, "5.00");

        // readable by auditors, not by agents; resolved by a supervisor, with who and how
        assertThat(api.get("auditor", "/api/attention").status()).isEqualTo(200);
        AccountsIT.assertProblem(api.get("agent", "/api/attention"), 403, "ACCESS_DENIED", null);
        var resolved = api.post("supervisor", "/api/attention/" + refusalId + "/resolve",
                "{\"resolution\":\"penalty waived, customer left\"}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        Await.until("the item resolved", () -> attentionItem("?includeResolved=true", stepId),
                found -> found != null && !found.get("resolvedAt").isNull());
        JsonNode done = attentionItem("?includeResolved=true", stepId);
        assertThat(done.get("resolvedBy").asText()).isEqualTo("supervisor");
        assertThat(done.get("resolution").asText()).isEqualTo("penalty waived, customer left");
        assertThat(attentionItem("", stepId)).isNull();
        AccountsIT.assertProblem(api.post("supervisor", "/api/attention/" + accountId + "/resolve", "{}"),
                404, "ATTENTION_ITEM_NOT_FOUND", null);
        AccountsIT.assertProblem(api.post("supervisor", "/api/attention/refusal:nothing/resolve", "{}"),
                404, "ATTENTION_ITEM_NOT_FOUND", null);
    }
}
