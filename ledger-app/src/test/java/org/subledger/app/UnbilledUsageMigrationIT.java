package org.subledger.app;

import org.axonframework.serialization.Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.usage.UsageRecorded;
import org.subledger.platform.db.EmbeddedPostgresServer;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V3_1040, V3_1050 and V3_1060 over a ledger stored before them, in a database of its own migrated to V3_1030 first:
 * billing's rows of batch records, kept as JSON then, get their columns (V3_1040); what the billing read models knew of
 * batch records moves to billing (each unbilled row's batch event, each billed record's), what they did not know yet
 * (a batch event they had not copied, a bill handled before its batch) comes from the batch events in the event store,
 * and the read model keeps only the records on the subscriptions' streams, with reporting showing both (V3_1050); and
 * every batch record ends up in its id's claim, with its values while unbilled and its batch event (V3_1060).
 */
class UnbilledUsageMigrationIT extends LedgerIT {

    private static final String BATCH = "org.subledger.kernel.usage.UsageBatchRecorded";

    @Autowired
    EmbeddedPostgresServer postgres;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

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
            migrate(url, "3.1030");
            var db = new SingleConnectionDataSource(url, cluster.ledgerRole().name(),
                    cluster.ledgerRole().password(), true);
            var old = new JdbcTemplate(db);
            String copied = UUID.randomUUID().toString();
            String behind = UUID.randomUUID().toString();
            // a batch the read model copied: R1 unbilled, R2 billed (and indexed); a batch it had not copied yet: R4
            // unbilled, R5 billed with its bill handled first (a mark); a streamed record, R9; every record's id
            // claimed but R4's (a claim missing is taken too)
            batchEvent(old, copied, "R1", "R2");
            batchEvent(old, behind, "R4", "R5");
            unbilledBatchRow(old, "R1", new RatingLine("21:00-24:00", 1, Money.of("3.50", "EUR"),
                    Money.of("3.50", "EUR")), SubscriptionAction.of(BehaviourCode.RECORD_USAGE,
                    new ActionClassification("RETAIL", "MEDIATION", null)));
            unbilledBatchRow(old, "R4", null, null);
            old.update("insert into usage_record_id (subscription_id, record_id)"
                    + " values ('S1', 'R1'), ('S1', 'R2'), ('S1', 'R5'), ('S1', 'R9')");
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
            assertThat(now.queryForList("select concat_ws(' ', record_id, event_id, account_id, product_code,"
                    + " usage_catalog_code, related_service_code, used_at, amount, currency, rating_level, rating_units,"
                    + " unit_amount, line_amount, recorded_on, behaviour_code, business_classification_code,"
                    + " action_type, sub_action_type) from usage_record_id order by record_id", String.class))
                    .containsExactly("R1 " + copied + " A1 BRAVEHEART PPV-CATALOG GOLD 2026-03-20T21:30:00.000005 3.50"
                                    + " EUR 21:00-24:00 1 3.50 3.50 2026-03-21 RECORD_USAGE RETAIL MEDIATION",
                            "R2 " + copied, "R4 " + behind + " A1 BRAVEHEART PPV-CATALOG GOLD"
                                    + " 2026-03-20T21:30:00.000005 3.50 EUR 2026-03-21", "R5 " + behind, "R9");
            assertThat(now.queryForList("select record_id from unbilled_batch_records(array['S1', 'S2']::varchar[])"
                    + " order by record_id", String.class)).containsExactly("R1", "R4");
            assertThat(now.queryForList("select to_regclass(t)::text from unnest(array['unbilled_batch_usage',"
                    + " 'billed_batch_usage']) t where to_regclass(t) is not null", String.class)).isEmpty();
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

    /** Billing's row of an unbilled batch record of S1 as V3_1020 and V3_1030 kept it: its UsageRecorded's JSON. */
    private void unbilledBatchRow(JdbcTemplate db, String recordId, RatingLine line, SubscriptionAction action) {
        var record = new UsageRecorded("S1", "A1", recordId, "BRAVEHEART", "PPV-CATALOG", "GOLD",
                LocalDateTime.of(2026, 3, 20, 21, 30, 0, 5000), Money.of("3.50", "EUR"), line,
                LocalDate.of(2026, 3, 21), action);
        db.update("insert into unbilled_batch_usage (subscription_id, record_id, payload, amount, currency)"
                + " values ('S1', ?, ?, 3.50, 'EUR')", recordId,
                eventSerializer.serialize(record, String.class).getData());
    }
}
