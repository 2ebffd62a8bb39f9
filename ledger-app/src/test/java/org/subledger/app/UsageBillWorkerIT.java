package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asks for usage bills are recorded by the processor and billed by the usage-bill worker, many in one transaction
 * (issue 17): each subscription once with the audit metadata of its own ask, an account's bills posted one after the
 * other. A bill that fails on a defect stops no other: its ask is tried again alone, then dead-lettered in the
 * usage-billing group, and an operator's retry bills it. Each test holds the worker while the asks come in, so they
 * are taken together, and lets it go in the end whatever happened.
 */
class UsageBillWorkerIT extends LedgerIT {

    @Autowired
    ConfigurableApplicationContext context;

    String type;

    @BeforeEach
    void catalog() {
        loadSampleCatalog();
        type = "UW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Usage bill worker", "allowedBillingTermSchemes": ["RESIDENTIAL"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": ["GOLD", "PPV-MOVIES"]}""".formatted(type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @AfterEach
    void letTheWorkerGo() {
        worker().start();
    }

    @Test
    void asksTakenTogetherAreBilledInOneTransactionEachWithItsOwnAuditTrail() {
        String account = api.openAccount("Together", "Billed", "5000.00");
        String other = api.openAccount("Also", "Together", "5000.00");
        List<String> subscriptions = List.of(subscribe(account), subscribe(account), subscribe(account),
                subscribe(other), subscribe(other));
        worker().stop();
        String tag = UUID.randomUUID().toString();
        for (int i = 0; i < subscriptions.size(); i++) {
            postBatch(subscriptions.get(i), tag + "-" + i, 20);
        }
        Await.until("the five asks recorded", () -> asksWaiting(subscriptions), count -> count == 5);
        Await.until("the operators' gauge of asks waiting", () -> api.get("admin", "/actuator/prometheus").body(),
                body -> gauge(body, "new") >= 5);

        worker().start();

        for (String subscription : subscriptions) {
            Await.until("the usage bill of " + subscription, () -> billed(subscription), bills -> bills.size() == 1);
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select aggregate_identifier, xmin::text as tx, meta_data::text as meta from domain_event_entry
                where aggregate_identifier = any (?) and payload_type like '%.SubscriptionBilled'""",
                (Object) subscriptions.toArray(String[]::new));
        assertThat(rows).hasSize(5);
        assertThat(rows.stream().map(row -> row.get("tx")).distinct()).as("one transaction").hasSize(1);
        for (Map<String, Object> row : rows) {
            String subscription = (String) row.get("aggregate_identifier");
            JsonNode meta = json((String) row.get("meta"));
            assertThat(meta.get("causationId").asText()).as("caused by its own ask").isEqualTo(askOf(subscription));
            assertThat(meta.get("principal").asText()).isEqualTo("billing");
            assertThat(billed(subscription).get(0).get("usageRecordIds")).hasSize(20);
        }
        assertThat(asksWaiting(subscriptions)).isZero();
        for (String accountId : List.of(account, other)) {
            List<JsonNode> postings = postings(accountId);
            for (int i = 1; i < postings.size(); i++) {
                assertThat(postings.get(i).at("/balanceAfter/amount").decimalValue()).as("posting %d of %s", i,
                        accountId).isEqualByComparingTo(postings.get(i - 1).at("/balanceAfter/amount")
                        .decimalValue().add(balanceEffect(postings.get(i))));
            }
        }
    }

    @Test
    void aUsageBillFailingOnADefectStopsNoOtherAndIsDeadLetteredThenBilledOnRetry() {
        String victimAccount = api.openAccount("Defect", "Victim", "5000.00");
        String victim = subscribe(victimAccount);
        String bystander = subscribe(api.openAccount("Defect", "Bystander", "5000.00"));
        worker().stop();
        String tag = UUID.randomUUID().toString();
        postBatch(victim, tag + "-v", 20);
        postBatch(bystander, tag + "-b", 20);
        Await.until("both asks recorded", () -> asksWaiting(List.of(victim, bystander)), count -> count == 2);
        // a defect: a record rated in a currency its account does not have, as a bug could have written it (the
        // rating engine cannot add it to the others)
        assertThat(jdbc.update("update usage_record_id set currency = 'USD' where subscription_id = ?"
                + " and record_id = ?", victim, tag + "-v-3")).isEqualTo(1);

        worker().start();

        Await.until("the bystander's usage bill", () -> billed(bystander), bills -> bills.size() == 1);
        JsonNode letter = Await.until("the victim's ask dead-lettered", () -> lettersOf(victimAccount),
                letters -> letters.size() == 1).get(0);
        assertThat(letter.get("group").asText()).isEqualTo("usage-billing");
        assertThat(letter.get("eventType").asText()).endsWith("UsageBillingDue");
        assertThat(letter.get("eventIdentifier").asText()).isEqualTo(askOf(victim));
        assertThat(letter.at("/cause/message").asText()).contains("failed 3 times");
        assertThat(billed(victim)).as("nothing billed").isEmpty();
        assertThat(asksWaiting(List.of(victim))).isZero();

        jdbc.update("update usage_record_id set currency = 'EUR' where subscription_id = ? and record_id = ?",
                victim, tag + "-v-3");
        var retried = api.post("admin", "/api/admin/dead-letters/" + letter.get("id").asText() + "/retry", null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("outcome").asText()).isEqualTo("PROCESSED");

        List<JsonNode> bills = Await.until("the victim's usage bill", () -> billed(victim), found -> found.size() == 1);
        assertThat(bills.get(0).get("usageRecordIds")).hasSize(20);
        assertThat(lettersOf(victimAccount)).isEmpty();
    }

    /** The value of {@code ledger_usage_bills_waiting{state}} on a Prometheus scrape. */
    private static double gauge(String scrape, String state) {
        String prefix = "ledger_usage_bills_waiting{state=\"" + state + "\"";
        return scrape.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }

    private Lifecycle worker() {
        return context.getBean("usageBillWorker", Lifecycle.class);
    }

    private String subscribe(String accountId) {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-02-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]},
                             {"productCode":"PPV-MOVIES","distributorIds":["STB-1"]}]}"""
                .formatted(accountId, type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    private void postBatch(String subscriptionId, String prefix, int records) {
        UsageBatchEventIT.postBatch(api, subscriptionId, prefix, records);
    }

    private long asksWaiting(List<String> subscriptions) {
        return jdbc.queryForObject("select count(*) from usage_bill_ask where subscription_id = any (?)", Long.class,
                (Object) subscriptions.toArray(String[]::new));
    }

    /** The subscription's {@code SubscriptionBilled} events. */
    private List<JsonNode> billed(String subscriptionId) {
        return jdbc.queryForList("""
                select payload::text from domain_event_entry where aggregate_identifier = ?
                  and payload_type like '%.SubscriptionBilled' order by sequence_number""", String.class,
                subscriptionId).stream().map(LedgerIT::json).toList();
    }

    /** The event that asked for the subscription's usage bill. */
    private String askOf(String subscriptionId) {
        return jdbc.queryForObject("""
                select event_identifier from domain_event_entry
                where payload_type = 'org.subledger.kernel.usage.UsageBillingDue'
                  and payload::jsonb ->> 'subscriptionId' = ?""", String.class, subscriptionId);
    }

    /** Every posting on the account, in its stream's order. */
    private List<JsonNode> postings(String accountId) {
        return jdbc.queryForList("""
                select payload::text from domain_event_entry where aggregate_identifier = ?
                  and payload::jsonb -> 'balanceAfter' is not null order by sequence_number""", String.class,
                accountId).stream().map(LedgerIT::json).toList();
    }

    /** What a posting did to the balance: a bill its total (these accounts have nothing but bills). */
    private static BigDecimal balanceEffect(JsonNode posting) {
        assertThat(posting.has("total")).as("a bill: %s", posting).isTrue();
        return posting.at("/total/amount").decimalValue();
    }

    private List<JsonNode> lettersOf(String accountId) {
        var page = api.get("admin", "/api/admin/dead-letters?size=500");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        StreamSupport.stream(page.json().get("content").spliterator(), false)
                .filter(letter -> accountId.equals(letter.get("sequenceIdentifier").asText()))
                .sorted(Comparator.comparingLong(letter -> letter.get("sequenceIndex").asLong()))
                .forEach(letters::add);
        return letters;
    }
}
