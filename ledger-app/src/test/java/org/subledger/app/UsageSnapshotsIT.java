package org.subledger.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: a subscription's snapshot carries its unbilled usage's count and total, not the records (a snapshot every
 * hundred events that carried them all cost as much as they were many). A RESIDENTIAL subscription (billed early at 20
 * unbilled records or 50.00) records 130 records in one command on its own usage API (each a {@code UsageRecorded} on
 * its stream): the snapshot taken after it holds none of them, the usage bill bills them all, and the subscription
 * then decides from the snapshot and that bill's tallies: 5 more records are not due for billing, 15 after them are,
 * with 20 unbilled.
 */
class UsageSnapshotsIT extends LedgerIT {

    @Test
    void aSnapshotHoldsNoUsageRecordAndTheSubscriptionStillKnowsWhatIsUnbilled() {
        loadSampleCatalog();
        UsageBatchesIT subscriptions = new UsageBatchesIT();
        subscriptions.api = api;
        String id = subscriptions.subscribe();
        String tag = UUID.randomUUID().toString();

        post(id, tag + "-a", 130);
        Map<String, Object> snapshot = Await.until("a snapshot of " + id, Duration.ofSeconds(120),
                () -> jdbc.queryForList("""
                        select payload_revision, payload from snapshot_event_entry
                        where aggregate_identifier = ? order by sequence_number desc limit 1""", id),
                rows -> !rows.isEmpty()).get(0);
        assertThat(snapshot.get("payload_revision")).isEqualTo("7");
        // taken after the batch, or after its bill too if the snapshotter got to it later
        assertThat((String) snapshot.get("payload")).containsAnyOf("\"unbilledUsageRecords\":130",
                "\"unbilledUsageRecords\":0").doesNotContain(tag);
        Await.until("the usage bill of " + id, Duration.ofSeconds(120), () -> events(id, "SubscriptionBilled"),
                bills -> bills.stream().anyMatch(bill -> bill.contains(tag + "-a-129")));

        post(id, tag + "-b", 5);
        post(id, tag + "-c", 15);

        assertThat(events(id, "UsageBillingDue")).as("the unbilled records each due counted")
                .extracting(due -> due.replaceAll(".*\"unbilledRecords\": ?(\\d+).*", "$1"))
                .containsExactly("130", "20");
    }

    /**
     * A usage bill is written straight to the subscription's stream, so the next batch's first attempt finds its
     * cached copy behind, and its retry loads the subscription from the store: 250 records in that unit of work
     * passed the snapshot threshold twice, and the second snapshot, stored in the batch's own transaction, collided
     * with the first. The duplicate key was ignored, PostgreSQL had aborted the transaction, and the commit rolled
     * back every record the response had just reported accepted. Every record is stored, and one snapshot.
     */
    @Test
    void aBatchOnASubscriptionReloadedAfterItsUsageBillIsStoredWhole() {
        loadSampleCatalog();
        UsageBatchesIT subscriptions = new UsageBatchesIT();
        subscriptions.api = api;
        String id = subscriptions.subscribe();
        String tag = UUID.randomUUID().toString();
        post(id, tag + "-a", 20);
        Await.until("the usage bill of " + id, Duration.ofSeconds(120), () -> events(id, "SubscriptionBilled"),
                bills -> bills.stream().anyMatch(bill -> bill.contains(tag + "-a-19")));

        post(id, tag + "-b", 250);

        assertThat(events(id, "UsageRecorded")).as("every accepted record is stored").hasSize(270);
        assertThat(events(id, "UsageRecorded")).filteredOn(event -> event.contains(tag + "-b-")).hasSize(250);
    }

    private void post(String subscriptionId, String prefix, int records) {
        // the subscription's own usage API: each record a UsageRecorded on its stream (a mediation batch's records
        // are one event on no stream, and no snapshot's concern)
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int i = 0; i < records; i++) {
            body.append(i == 0 ? "" : ",").append("""
                    {"recordId":"%s-%d","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"}"""
                    .formatted(prefix, i));
        }
        var posted = api.post("billing", "/api/subscriptions/" + subscriptionId + "/usage",
                body.append("]}").toString());
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.json().get("accepted").asInt()).as(posted.toString()).isEqualTo(records);
    }

    private List<String> events(String subscriptionId, String type) {
        return jdbc.queryForList("""
                select payload from domain_event_entry where aggregate_identifier = ? and payload_type like ?
                order by sequence_number""", String.class, subscriptionId, "%." + type);
    }
}
