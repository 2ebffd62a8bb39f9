package org.subledger.query.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.FindAccount;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.query.QueryNodeTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.subledger.kernel.account.AdjustmentDirection.DEBIT;
import static org.subledger.query.account.AccountEvents.adjusted;
import static org.subledger.query.account.AccountEvents.charged;
import static org.subledger.query.account.AccountEvents.opened;
import static org.subledger.query.account.AccountEvents.paid;

/**
 * The query node on its own (projections, query handlers, query and audit APIs) on an embedded PostgreSQL, fed with
 * events appended straight to the event store. The ledger-app's end-to-end tests cover the way from commands.
 */
class AccountQueryApiTest extends QueryNodeTest {

    private static final Instant OPENED = Instant.parse("2025-02-01T08:00:00Z");
    private static final Instant CHARGED = Instant.parse("2025-02-02T08:00:00Z");
    private static final Instant PAID = Instant.parse("2025-02-03T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;
    @Autowired
    QueryGateway queryGateway;

    @Test
    void showsAnAccountWithItsAmountsAtTheCurrencysScale() throws Exception {
        String id = accountChargedAndPartlyPaid();

        read("/api/accounts/" + id, "reporter")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.accountId").value(id))
                .andExpect(jsonPath("$.type").value("COMPANY"))
                .andExpect(jsonPath("$.name").value("Acme Ltd"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.status").value("UNSETTLED"))
                .andExpect(jsonPath("$.closed").value(false))
                .andExpect(jsonPath("$.creditRating").value("AA"))
                .andExpect(jsonPath("$.classification").value("CORPORATE"))
                .andExpect(jsonPath("$.openedBy").value("agent"))
                .andExpect(jsonPath("$.openedAt").value("2025-02-01T08:00:00Z"))
                .andExpect(jsonPath("$.lastMovementAt").value("2025-02-03T08:00:00Z"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(content().string(containsString("\"creditLimit\":" + written("1000.00"))))
                .andExpect(content().string(containsString("\"balance\":" + written("20.00"))));
    }

    @Test
    void answersAnUnknownAccountWithAccountNotFound() throws Exception {
        read("/api/accounts/ACC-nobody", "reporter")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ACCOUNT_NOT_FOUND"));
        read("/api/accounts/ACC-nobody/statement", "reporter")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ACCOUNT_NOT_FOUND"));
    }

    @Test
    void showsTheAccountAsItStoodAtAnEarlierInstantFromTheEventStore() throws Exception {
        String id = accountChargedAndPartlyPaid();

        read("/api/accounts/" + id + "?asOf=" + CHARGED.plusSeconds(1), "reporter")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value(id))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("UNSETTLED"))
                .andExpect(content().string(containsString("\"balance\":" + written("30.00"))));
        read("/api/accounts/" + id + "?asOf=" + OPENED.minusSeconds(1), "reporter")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ACCOUNT_NOT_YET_OPENED"));
        read("/api/accounts/" + id + "?asOf=yesterday", "reporter")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void pagesTheStatementOldestPostingFirst() throws Exception {
        String id = accountChargedAndPartlyPaid();
        append(id, 3, adjusted(id, "P3", DEBIT, "2.50", "22.50"), PAID.plusSeconds(60));
        awaitStatementLines(id, 3);

        read("/api/accounts/" + id + "/statement?page=1&size=2", "reporter")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value(id))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].sequenceNumber").value(3))
                .andExpect(jsonPath("$.content[0].postingId").value("P3"))
                .andExpect(jsonPath("$.content[0].entryType").value("ADJUSTMENT"))
                .andExpect(jsonPath("$.content[0].narrative").value("Rounding correction"))
                .andExpect(jsonPath("$.content[0].currency").value("EUR"))
                .andExpect(content().string(containsString("\"amount\":" + written("2.50")
                        + ",\"balanceEffect\":" + written("2.50") + ","
                        + "\"runningBalance\":" + written("22.50"))));
        read("/api/accounts/" + id + "/statement", "reporter")
                .andExpect(jsonPath("$.content[*].entryType", contains("CHARGE", "PAYMENT", "ADJUSTMENT")))
                .andExpect(content().string(containsString("\"balanceEffect\":" + written("-10.00"))));
    }

    @Test
    void refusesPagesOutsideTheLimits() throws Exception {
        String id = accountChargedAndPartlyPaid();

        read("/api/accounts/" + id + "/statement?size=501", "reporter")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        read("/api/accounts?page=-1", "reporter")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        read("/api/accounts?status=OWING", "reporter")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void listsAccountsInOneSettlementStatus() throws Exception {
        String owing = accountChargedAndPartlyPaid();
        String settled = "ACC-" + UUID.randomUUID();
        append(settled, 0, opened(settled), OPENED);
        awaitVersion(settled, 0);

        read("/api/accounts?status=SETTLED&size=500", "reporter")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(500))
                .andExpect(jsonPath("$.totalElements").isNumber())
                .andExpect(jsonPath("$.totalPages").isNumber())
                .andExpect(jsonPath("$.content[*].accountId", hasItem(settled)))
                .andExpect(jsonPath("$.content[*].accountId", not(hasItem(owing))))
                .andExpect(jsonPath("$.content[*].status", not(hasItem("UNSETTLED"))));
        read("/api/accounts?size=500", "reporter")
                .andExpect(jsonPath("$.content[*].accountId", hasItem(owing)))
                .andExpect(jsonPath("$.content[*].accountId", hasItem(settled)));
    }

    @Test
    void showsAuditorsEveryEventWithWhoCausedItAndThroughWhichRequest() throws Exception {
        String id = accountChargedAndPartlyPaid();

        read("/api/audit/accounts/" + id + "/events", "auditor")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value(id))
                .andExpect(jsonPath("$.events[*].sequenceNumber", contains(0, 1, 2)))
                .andExpect(jsonPath("$.events[*].type", contains("AccountOpened", "ChargePosted", "PaymentRecorded")))
                .andExpect(jsonPath("$.events[0].timestamp").value("2025-02-01T08:00:00Z"))
                .andExpect(jsonPath("$.events[0].payload.company.name").value("Acme Ltd"))
                .andExpect(jsonPath("$.events[1].payload.amount.currency").value("EUR"))
                .andExpect(jsonPath("$.events[1].metadata.principal").value("agent"))
                .andExpect(jsonPath("$.events[1].metadata.correlationId").value("corr-" + id))
                .andExpect(jsonPath("$.events[1].metadata.causationId").value("cmd-1"))
                .andExpect(jsonPath("$.events[1].metadata.idempotencyKey").value("key-1"))
                .andExpect(jsonPath("$.events[1].principal").value("agent"))
                .andExpect(jsonPath("$.events[1].idempotencyKey").value("key-1"))
                .andExpect(jsonPath("$.events[1].stateAfter.balance.amount").value(30.0))
                .andExpect(jsonPath("$.events[2].stateAfter.balance.amount").value(20.0))
                .andExpect(jsonPath("$.totalElements").value(3));
        read("/api/audit/accounts/" + id + "/events", "reporter")
                .andExpect(status().isForbidden());
        read("/api/audit/accounts/ACC-nobody/events", "auditor")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ACCOUNT_NOT_FOUND"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** Opened, charged 30.00, paid 10.00: owes 20.00. */
    private String accountChargedAndPartlyPaid() {
        String id = "ACC-" + UUID.randomUUID();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(event(id, 0, opened(id), OPENED));
        events.add(event(id, 1, charged(id, "P1", "30.00", "30.00"), CHARGED));
        events.add(event(id, 2, paid(id, "P2", "10.00", "20.00"), PAID));
        eventStore.publish(events);
        awaitVersion(id, 2);
        return id;
    }

    private void append(String id, long sequenceNumber, Object payload, Instant timestamp) {
        eventStore.publish(event(id, sequenceNumber, payload, timestamp));
    }

    private static DomainEventMessage<?> event(String id, long sequenceNumber, Object payload, Instant timestamp) {
        var metaData = MetaData.from(Map.of(
                LedgerMetadata.PRINCIPAL, "agent",
                LedgerMetadata.CORRELATION_ID, "corr-" + id,
                LedgerMetadata.CAUSATION_ID, "cmd-" + sequenceNumber,
                LedgerMetadata.IDEMPOTENCY_KEY, "key-" + sequenceNumber));
        return new GenericDomainEventMessage<>("Account", id, sequenceNumber, payload, metaData,
                UUID.randomUUID().toString(), timestamp);
    }

    /** Waits until the read model reflects the account's event with this sequence number. */
    private void awaitVersion(String id, long version) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!find(id).map(account -> account.version() >= version).orElse(false)) {
            if (System.nanoTime() > deadline) {
                fail("The read model did not reach version " + version + " of " + id);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /**
     * Waits until the account's statement holds {@code lines} postings: the statement is a projection of its own,
     * which may run behind the summary that {@link #awaitVersion} waits for.
     */
    private void awaitStatementLines(String id, long lines) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var response = read("/api/accounts/" + id + "/statement?size=500", "reporter").andReturn().getResponse();
            if (response.getStatus() == 200 && JSON.readTree(response.getContentAsString()).path("totalElements")
                    .asLong() >= lines) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("The statement of " + id + " did not reach " + lines + " lines");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private Optional<AccountSummary> find(String id) {
        return queryGateway.query(new FindAccount(id), ResponseTypes.optionalInstanceOf(AccountSummary.class)).join();
    }

    private ResultActions read(String uri, String user) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return http.perform(get(uri).header(HttpHeaders.AUTHORIZATION, "Basic " + credentials));
    }

    /** An amount as every answer writes it. */
    private static String written(String amount) {
        return "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}";
    }
}
