package org.subledger.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight mediation clients post batches at once over the same subscriptions, and each batch is sent by two clients
 * (a retry racing the original): the subscriptions' streams, their record ids and the billing index are contended,
 * usage bills fall due meanwhile (RESIDENTIAL bills early at 20 unbilled records). No batch fails, and each record is
 * recorded exactly once.
 */
class ConcurrentUsageBatchesIT extends LedgerIT {

    /** Issue 17 asks for no 5xx at 4–8 clients: eight, so every batch and its copy are in flight at once. */
    private static final int CLIENTS = 8;
    private static final int BATCHES = 6;
    private static final int RECORDS_PER_BATCH = 40;

    @Test
    void concurrentBatchesOverTheSameSubscriptionsNeverFailAndRecordEachRecordOnce() throws Exception {
        loadSampleCatalog();
        UsageBatchesIT subscriptions = new UsageBatchesIT();
        subscriptions.api = api;
        List<String> ids = List.of(subscriptions.subscribe(), subscriptions.subscribe(), subscriptions.subscribe());
        List<String> batches = new ArrayList<>();
        List<String> recordIds = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            StringBuilder records = new StringBuilder();
            for (int r = 0; r < RECORDS_PER_BATCH; r++) {
                String recordId = UUID.randomUUID().toString();
                recordIds.add(recordId);
                records.append(r == 0 ? "" : ",").append("""
                        {"subscriptionId":"%s","recordId":"%s","productCode":"BRAVEHEART","usedAt":"2026-03-%02dT21:30:00"}"""
                        .formatted(ids.get(r % ids.size()), recordId, 1 + r % 28));
            }
            batches.add("{\"records\":[" + records + "]}");
        }
        var pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> posted = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            for (String batch : batches) {
                posted.add(pool.submit((Callable<Integer>) () -> {
                    var response = api.post("billing", "/api/usage/batches", batch);
                    assertThat(response.json().get("refused").asInt()).as(response.toString()).isZero();
                    return response.status();
                }));
            }
        }
        for (Future<Integer> status : posted) {
            assertThat(status.get()).isEqualTo(200);
        }
        pool.shutdown();

        Map<String, Long> recorded = ids.stream().flatMap(id -> recordedUsage(id).stream())
                .map(record -> record.get("recordId").asText())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(recorded.keySet()).containsExactlyInAnyOrderElementsOf(recordIds);
        assertThat(recorded.values()).as("each record once").allMatch(count -> count == 1);
    }
}
