package org.subledger.projection.subscription;

import static org.subledger.projection.ProcessorReplays.await;
import org.subledger.projection.ProcessorReplays;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.DistributorAdded;
import org.subledger.kernel.subscription.DistributorRemoved;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.InstalledItemAdded;
import org.subledger.kernel.subscription.InstalledItemSwapped;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.ServiceSwapped;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.projection.ProjectionWiringTest;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription projections on the real wiring: events appended to the JDBC event store on an embedded
 * PostgreSQL, delivered by the pooled streaming processors.
 */
class SubscriptionProjectionsTest extends ProjectionWiringTest {

    private static final List<String> PROCESSORS = List.of("subscription-summary", "subscription-services",
            "installed-items");
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    ProcessorReplays replays;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aDraftActivatedByTheInstallerIsBilledFromTheActivationWithItsDistributorAndDecoder() {
        String id = UUID.randomUUID().toString();
        String serial = "SN-" + id;
        publish(draftActivated(id, serial));

        awaitVersion("subscription_summary", id, 3);
        assertThat(jdbc.queryForMap("select * from subscription_summary where subscription_id = ?", id))
                .containsEntry("account_id", "ACC-" + id).containsEntry("subscription_type_code", "GOLD")
                .containsEntry("state", "EFFECTIVE").containsEntry("billing_term_scheme", "RESIDENTIAL")
                .containsEntry("price_plan", "STANDARD").containsEntry("billing_frequency", "MONTHLY")
                .containsEntry("penalty_currency", "EUR").containsEntry("created_on", Date.valueOf(MARCH_1))
                .containsEntry("activated_on", Date.valueOf(MARCH_10)).containsEntry("terminated_on", null);
        awaitVersion("subscription_service", id, 3);
        assertThat(jdbc.queryForMap("select product_code, quantity, distributor_ids::text as distributors,"
                + " effective_date, billing_effective_date, provisioning_state, removed_on"
                + " from subscription_service where subscription_id = ?", id))
                .containsEntry("product_code", "GOLD").containsEntry("quantity", 1)
                .containsEntry("distributors", "{STB-9}").containsEntry("effective_date", Date.valueOf(MARCH_10))
                .containsEntry("billing_effective_date", Date.valueOf(MARCH_10))
                .containsEntry("provisioning_state", "PENDING").containsEntry("removed_on", null);
        awaitVersion("installed_item", id, 1);
        assertThat(jdbc.queryForMap("select * from installed_item where serial_number = ?", serial))
                .containsEntry("subscription_id", id).containsEntry("account_id", "ACC-" + id)
                .containsEntry("product_code", "DECODER").containsEntry("installed_on", Date.valueOf(MARCH_10))
                .containsEntry("removed_on", null);
    }

    @Test
    void aServiceRemovedAndAddedAgainInOneBatchIsEffectiveAgainAndSwapsMoveTheRows() {
        String id = UUID.randomUUID().toString();
        String first = "SN-1-" + id;
        String second = "SN-2-" + id;
        var history = new ArrayList<>(effective(id, first));
        history.add(event(id, 1, new ServiceAdded(id, service("EUROSPORT-1", MARCH_1, "STB-1"), MARCH_1,
                action(BehaviourCode.ADD_SERVICE))));
        history.add(event(id, 2, new ServiceRemoved(id, "EUROSPORT-1", MARCH_10,
                action(BehaviourCode.REMOVE_SERVICE))));
        history.add(event(id, 3, new ServiceAdded(id, service("EUROSPORT-1", MARCH_10, "STB-1"), MARCH_10,
                action(BehaviourCode.ADD_SERVICE))));
        history.add(event(id, 4, new ServiceSwapped(id, "GOLD", service("PLATINUM", MARCH_10, "STB-1"), MARCH_10,
                action(BehaviourCode.SWAP_SERVICE))));
        history.add(event(id, 5, new DistributorAdded(id, new Distributor("STB-2", "NAGRA"), Set.of("PLATINUM"),
                MARCH_10, action(BehaviourCode.ADD_DISTRIBUTOR))));
        history.add(event(id, 6, new DistributorRemoved(id, "STB-1", MARCH_10,
                action(BehaviourCode.REMOVE_DISTRIBUTOR))));
        history.add(event(id, 7, new InstalledItemSwapped(id, new InstalledItem(first, "DECODER"),
                new InstalledItem(second, "DECODER"), MARCH_10, action(BehaviourCode.SWAP_INSTALLED_ITEM))));
        publish(history);

        awaitVersion("subscription_service", id, 6);
        var services = jdbc.queryForList("select product_code, quantity, distributor_ids::text as distributors,"
                + " removed_on from subscription_service where subscription_id = ? order by product_code", id);
        assertThat(services).extracting(row -> row.get("product_code"))
                .containsExactly("EUROSPORT-1", "GOLD", "PLATINUM");
        assertThat(services.get(0)).containsEntry("removed_on", null).containsEntry("quantity", 0);
        assertThat(services.get(1)).containsEntry("removed_on", Date.valueOf(MARCH_10));
        assertThat(services.get(2)).containsEntry("removed_on", null).containsEntry("distributors", "{STB-2}")
                .containsEntry("quantity", 1);
        awaitVersion("installed_item", id, 7);
        var items = jdbc.queryForList("select serial_number, removed_on from installed_item"
                + " where subscription_id = ? order by serial_number", id);
        assertThat(items).extracting(row -> row.get("serial_number")).containsExactly(first, second);
        assertThat(items).extracting(row -> row.get("removed_on")).containsExactly(Date.valueOf(MARCH_10), null);
    }

    @Test
    void oneServiceUpsertedTwiceInOneBatchIsWrittenInTwoStatements() {
        // the driver rewrites a JDBC batch of inserts into one statement, in which PostgreSQL refuses to upsert one
        // key twice: the buffer must split the batch, or the processor fails on this batch for ever
        String id = UUID.randomUUID().toString();
        publish(List.of(event(id, 0, new SubscriptionCreated(id, "ACC-" + id, "GOLD", SubscriptionState.EFFECTIVE,
                terms(), null, null, List.of(new Distributor("STB-1", "NAGRA"), new Distributor("STB-2", "NAGRA")),
                List.of(service("GOLD", MARCH_1, "STB-1"), service("GOLD", MARCH_10, "STB-2")), List.of(), MARCH_1,
                action(BehaviourCode.BECOME_SUBSCRIBER)))));

        awaitVersion("subscription_service", id, 0);
        assertThat(jdbc.queryForObject("select count(*) from subscription_service where subscription_id = ?"
                + " and product_code = 'GOLD'", Long.class, id)).isEqualTo(1);
    }

    @Test
    void aRedeliveredHistoryChangesNothingAndAReplayRebuildsTheSameRows() {
        String id = UUID.randomUUID().toString();
        publish(draftActivated(id, "SN-" + id));
        awaitVersion("subscription_summary", id, 3);
        awaitVersion("subscription_service", id, 3);
        awaitVersion("installed_item", id, 1);
        var before = rows(id, true);

        PROCESSORS.forEach(replays::redeliverEverything);
        assertThat(rows(id, true)).isEqualTo(before);

        var contentBefore = rows(id, false);
        for (String name : PROCESSORS) {
            var processor = replays.processor(name);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        awaitVersion("subscription_summary", id, 3);
        awaitVersion("subscription_service", id, 3);
        awaitVersion("installed_item", id, 1);
        assertThat(rows(id, false)).isEqualTo(contentBefore);
    }

    @Test
    void documentsEveryColumnForReportingTools() {
        assertThat(jdbc.queryForList("""
                select c.table_name || '.' || c.column_name
                from information_schema.columns c
                join pg_class t on t.relname = c.table_name
                where c.table_name in ('subscription_summary', 'subscription_service', 'installed_item',
                                       'installed_item_owner')
                  and col_description(t.oid, c.ordinal_position) is null""", String.class)).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static List<DomainEventMessage<?>> draftActivated(String id, String serial) {
        var history = new ArrayList<DomainEventMessage<?>>();
        history.add(event(id, 0, new SubscriptionCreated(id, "ACC-" + id, "GOLD", SubscriptionState.DRAFT, terms(),
                "Nicosia", "Nicosia", List.of(), List.of(service("GOLD", MARCH_1)), List.of(), MARCH_1,
                action(BehaviourCode.BECOME_SUBSCRIBER))));
        history.add(event(id, 1, new InstalledItemAdded(id, new InstalledItem(serial, "DECODER"), MARCH_10,
                action(BehaviourCode.ADD_INSTALLED_ITEM))));
        history.add(event(id, 2, new DistributorAdded(id, new Distributor("STB-9", "NAGRA"), Set.of("GOLD"),
                MARCH_10, action(BehaviourCode.ADD_DISTRIBUTOR))));
        history.add(event(id, 3, new SubscriptionActivated(id, MARCH_10, List.of(service("GOLD", MARCH_10,
                "STB-9")), action(BehaviourCode.ACTIVATE))));
        return history;
    }

    private static List<DomainEventMessage<?>> effective(String id, String serial) {
        return List.of(event(id, 0, new SubscriptionCreated(id, "ACC-" + id, "GOLD", SubscriptionState.EFFECTIVE,
                terms(), null, null, List.of(new Distributor("STB-1", "NAGRA")),
                List.of(service("GOLD", MARCH_1, "STB-1")), List.of(new InstalledItem(serial, "DECODER")), MARCH_1,
                action(BehaviourCode.BECOME_SUBSCRIBER))));
    }

    private static BillingTerms terms() {
        return new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY, MARCH_1, MARCH_1,
                MARCH_1.plusMonths(12), Money.of(new BigDecimal("50.00"), java.util.Currency.getInstance("EUR")),
                null);
    }

    private static SubscriptionService service(String productCode, LocalDate from, String... distributors) {
        return new SubscriptionService(productCode, List.of(), from, from, from, Set.of(distributors));
    }

    private static SubscriptionAction action(BehaviourCode code) {
        return SubscriptionAction.of(code, null);
    }

    private static DomainEventMessage<?> event(String id, long sequenceNumber, Object payload) {
        return new GenericDomainEventMessage<>("Subscription", id, sequenceNumber, payload,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), T0.plusSeconds(sequenceNumber));
    }

    private void publish(List<DomainEventMessage<?>> events) {
        eventStore.publish(events);
    }

    /** The subscription's rows in the three tables; with {@code xmin}, which changes with every write of a row. */
    private List<Map<String, Object>> rows(String id, boolean withWriter) {
        String writer = withWriter ? ", xmin::text as written_by" : "";
        var rows = new ArrayList<Map<String, Object>>();
        rows.addAll(jdbc.queryForList("select *" + writer + " from subscription_summary where subscription_id = ?",
                id));
        rows.addAll(jdbc.queryForList("select *, distributor_ids::text as distributors" + writer
                + " from subscription_service where subscription_id = ? order by product_code", id));
        rows.addAll(jdbc.queryForList("select *" + writer + " from installed_item where subscription_id = ?"
                + " order by serial_number", id));
        rows.forEach(row -> {
            row.remove("components");
            row.remove("distributor_ids"); // java.sql.Array has no value equality; compared as text above
        });
        return rows;
    }

    private void awaitVersion(String table, String id, long version) {
        await(table + " of " + id + " at version " + version, () -> jdbc.queryForObject(
                "select coalesce(max(version), -1) from " + table + " where subscription_id = ?", Long.class, id)
                == version);
    }

}
