package org.subledger.app;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.subledger.platform.db.EmbeddedPostgresServer;

import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V3_1050 over a ledger stored before it, in a database of its own migrated to V3_1040 first: what the billing read
 * models knew of batch records moves to billing (each unbilled row's batch event, each billed record's), what they did
 * not know yet (a batch event they had not copied, a bill handled before its batch) comes from the batch events in the
 * event store, and the read model keeps only the records on the subscriptions' streams, with reporting showing both.
 */
class UnbilledUsageMigrationIT extends LedgerIT {

    private static final String BATCH = "org.subledger.kernel.usage.UsageBatchRecorded";

    @Autowired
    EmbeddedPostgresServer postgres;

    @Test
    void billingTakesTheBatchRecordsFromTheReadModelAndTheEventStore() throws Exception {
        var cluster = postgres.cluster();
        String database = "migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection superuser = cluster.connect(cluster.superuser())) {
            superuser.createStatement().execute("create database " + database + " owner "
                    + cluster.ledgerRole().name());
        }
        String url = cluster.jdbcUrl().substring(0, cluster.jdbcUrl().lastIndexOf('/') + 1) + database;
        try {
            migrate(url, "3.1040");
            var db = new SingleConnectionDataSource(url, cluster.ledgerRole().name(),
                    cluster.ledgerRole().password(), true);
            var old = new JdbcTemplate(db);
            String copied = UUID.randomUUID().toString();
            String behind = UUID.randomUUID().toString();
            // a batch the read model copied: R1 unbilled, R2 billed (and indexed); a batch it had not copied yet: R4
            // unbilled, R5 billed with its bill handled first (a mark); a streamed record, R9
            batchEvent(old, copied, "R1", "R2");
            batchEvent(old, behind, "R4", "R5");
            unbilledBatchRow(old, "R1");
            unbilledBatchRow(old, "R4");
            old.update("insert into unbilled_usage (subscription_id, record_id, account_id, product_code, used_at,"
                    + " amount, currency, recorded_on, event_id) values ('S1', 'R1', 'A1', 'BRAVEHEART',"
                    + " '2026-03-20 21:30', 3.50, 'EUR', '2026-03-21', ?), ('S1', 'R9', 'A1', 'CALLS',"
                    + " '2026-03-22 10:00', 0.40, 'EUR', '2026-03-22', null)", copied);
            old.update("insert into unbilled_usage_batch (event_id) values (?)", copied);
            old.update("insert into usage_record_event (subscription_id, record_id, event_id) values ('S1', 'R2', ?)",
                    copied);
            old.update("insert into unbilled_usage_billed_first (subscription_id, record_id) values ('S1', 'R5')");
            db.destroy();

            migrate(url, "latest");

            db = new SingleConnectionDataSource(url, cluster.ledgerRole().name(), cluster.ledgerRole().password(),
                    true);
            var now = new JdbcTemplate(db);
            assertThat(now.queryForList("select record_id || ' ' || event_id from unbilled_batch_usage"
                    + " order by record_id", String.class)).containsExactly("R1 " + copied, "R4 " + behind);
            assertThat(now.queryForList("select record_id || ' ' || event_id from billed_batch_usage"
                    + " order by record_id", String.class)).containsExactly("R2 " + copied, "R5 " + behind);
            assertThat(now.queryForList("select * from unbilled_usage")).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("record_id", "R9").doesNotContainKey("event_id"));
            assertThat(now.queryForList("select record_id from reporting.unbilled_usage order by record_id",
                    String.class)).containsExactly("R1", "R4", "R9");
            assertThat(now.queryForList("select record_id || ' ' || event_id from batch_usage_event"
                    + " order by record_id", String.class)).containsExactly("R1 " + copied, "R2 " + copied,
                    "R4 " + behind, "R5 " + behind);
            assertThat(now.queryForList("select to_regclass(t)::text from unnest(array['unbilled_usage_billed_first',"
                    + " 'unbilled_usage_batch', 'usage_record_event']) t where to_regclass(t) is not null",
                    String.class)).isEmpty();
            db.destroy();
        } finally {
            try (Connection superuser = cluster.connect(cluster.superuser())) {
                superuser.createStatement().execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    private void migrate(String url, String target) {
        var cluster = postgres.cluster();
        Flyway.configure().dataSource(url, cluster.ledgerRole().name(), cluster.ledgerRole().password())
                .locations("classpath:db/migration").outOfOrder(true).target(target).load().migrate();
    }

    /** A stored UsageBatchRecorded of subscription S1's records. */
    private static void batchEvent(JdbcTemplate db, String eventId, String... recordIds) {
        StringBuilder records = new StringBuilder();
        for (String recordId : recordIds) {
            records.append(records.isEmpty() ? "" : ",").append("""
                    {"subscriptionId":"S1","accountId":"A1","recordId":"%s","productCode":"BRAVEHEART"}"""
                    .formatted(recordId));
        }
        db.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                values (?, ?, 0, null, '2026-03-21T00:00:00Z', ?, '1', ?, '{}')""", eventId, eventId, BATCH,
                "{\"batchId\":\"" + UUID.randomUUID() + "\",\"records\":[" + records + "]}");
    }

    private static void unbilledBatchRow(JdbcTemplate db, String recordId) {
        db.update("insert into unbilled_batch_usage (subscription_id, record_id, account_id, product_code, used_at,"
                + " amount, currency, recorded_on) values ('S1', ?, 'A1', 'BRAVEHEART', '2026-03-20T21:30', 3.50, 'EUR',"
                + " '2026-03-21')", recordId);
    }
}
