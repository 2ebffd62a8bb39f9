package org.subledger.app;

import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.money.Money;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow command transaction must not be skipped by the projections. Its event takes a global index first but
 * commits last, leaving a gap that later events pass; Axon drops a gap once the events after it are older than the
 * storage engine's gapTimeout (60 s by default). Here the events are minutes old, as after a long transaction: with
 * the default the late event would be lost to every projection, with the ledger's gapTimeout it is projected.
 */
class GapTimeoutIT extends LedgerIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    Serializer serializer;

    @Test
    void anEventCommittedLongAfterItsNeighboursIsStillProjected() throws Exception {
        String slow = "gap-slow-" + UUID.randomUUID();
        String fast = "gap-fast-" + UUID.randomUUID();
        Instant now = Instant.now();
        try (Connection slowTransaction = dataSource.getConnection()) {
            slowTransaction.setAutoCommit(false);
            append(slowTransaction, slow, now.minus(Duration.ofMinutes(3)));

            try (Connection fastTransaction = dataSource.getConnection()) {
                append(fastTransaction, fast, now.minus(Duration.ofMinutes(2)));
            }
            Await.until("the fast account projected", () -> api.get("reporter", "/api/accounts/" + fast).status(),
                    status -> status == 200);
            assertThat(api.get("reporter", "/api/accounts/" + slow).status()).isEqualTo(404);

            slowTransaction.commit();
        }
        Await.until("the slow account projected", () -> api.get("reporter", "/api/accounts/" + slow).status(),
                status -> status == 200);
    }

    private void append(Connection connection, String accountId, Instant timestamp) throws Exception {
        var opened = new AccountOpened(accountId, CustomerType.PERSON, new PersonDetails("Gap", "Test", null), null,
                ContactDetails.none(), Currency.getInstance("EUR"), Money.of("10", "EUR"), null, "RESIDENTIAL",
                "agent");
        var payload = serializer.serialize(opened, String.class);
        try (var insert = connection.prepareStatement("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                values (?, ?, 0, 'Account', ?, ?, ?, ?, '{}')""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, accountId);
            insert.setString(3, timestamp.toString());
            insert.setString(4, payload.getType().getName());
            insert.setString(5, payload.getType().getRevision());
            insert.setString(6, payload.getData());
            insert.executeUpdate();
        }
    }
}
