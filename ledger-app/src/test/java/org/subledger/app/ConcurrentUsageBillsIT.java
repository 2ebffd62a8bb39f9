package org.subledger.app;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage bills written while usage keeps arriving: two prepaid subscriptions of one account receive usage at the same
 * time, each record raising a usage bill at once. The bills append to the subscription streams that the usage keeps
 * growing and to the one account stream both share; a bill that loses such a race is retried from a fresh read in a
 * transaction of its own, so every record is billed exactly once and nothing is dead-lettered.
 */
class ConcurrentUsageBillsIT extends LedgerIT {

    private static final int RECORDS_PER_SUBSCRIPTION = 12;

    @Test
    void concurrentUsageOnTwoSubscriptionsOfOnePrepaidAccountIsBilledOnceEach() throws Exception {
        loadSampleCatalog();
        String account = api.openAccount("Two", "Prepaid", "5000.00");
        List<String> subscriptions = List.of(prepaid(account), prepaid(account));
        var pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> posted = new ArrayList<>();
        Set<String> records = new HashSet<>();
        for (int i = 0; i < RECORDS_PER_SUBSCRIPTION; i++) {
            for (String subscription : subscriptions) {
                String recordId = UUID.randomUUID().toString();
                records.add(recordId);
                posted.add(pool.submit((Callable<Integer>) () -> api.post("billing", "/api/subscriptions/"
                        + subscription + "/usage", """
                        {"recordId":"%s","productCode":"BRAVEHEART","usedAt":"2026-01-05T21:30:00"}"""
                        .formatted(recordId)).status()));
            }
        }
        for (Future<Integer> status : posted) {
            assertThat(status.get()).isEqualTo(201);
        }
        pool.shutdown();

        List<String> billed = Await.until("every record on a bill", () -> billedRecords(subscriptions),
                ids -> new HashSet<>(ids).containsAll(records));
        assertThat(billed).as("each record on one bill only").hasSize(records.size()).doesNotHaveDuplicates();
        // 3.00 a movie at that hour: the start-up fees aside, the account owes exactly what was used
        BigDecimal bills = jdbc.queryForObject("""
                select coalesce(sum((payload::jsonb -> 'total' ->> 'amount')::numeric), 0) from domain_event_entry
                where payload_type like '%BillIssued' and payload::jsonb ->> 'accountId' = ?
                  and payload::jsonb ->> 'kind' <> 'EVENT_CHARGE'""", BigDecimal.class,
                account);
        assertThat(bills).isEqualByComparingTo(new BigDecimal("3.00").multiply(BigDecimal.valueOf(records.size())));
        long postings = jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type like '%BillPosted'
                and aggregate_identifier = ?""", Long.class, account);
        long issued = jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type like '%BillIssued'
                and payload::jsonb ->> 'accountId' = ?""", Long.class, account);
        assertThat(postings).as("every bill posted once").isEqualTo(issued);
        assertThat(jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = ?",
                Long.class, "usage-billing")).as("usage bills dead-lettered").isZero();
    }

    private String prepaid(String account) {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD-PREPAID",
                 "billingTerms":{"scheme":"PREPAID","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PPV-MOVIES","distributorIds":["STB-1"]}]}""".formatted(account));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    private List<String> billedRecords(List<String> subscriptions) {
        return jdbc.queryForList("""
                select jsonb_array_elements_text(payload::jsonb -> 'usageRecordIds') from domain_event_entry
                where payload_type like '%SubscriptionBilled' and aggregate_identifier = any (string_to_array(?, ','))""",
                String.class, String.join(",", subscriptions));
    }
}
