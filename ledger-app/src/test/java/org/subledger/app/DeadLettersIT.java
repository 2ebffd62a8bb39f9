package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.money.Money;
import org.subledger.platform.axon.ProcessorTopology;
import org.subledger.platform.deadletter.DeadLetterRetrier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * One bad event never stops the others: a real projection is poisoned for one account (a CHECK constraint its row
 * breaks), the event goes to the group's dead-letter queue, every other account keeps being projected, health and
 * the gauge show it, and once the cause is fixed a retry makes the projection whole.
 */
class DeadLettersIT extends LedgerIT {

    private static final String GROUP = "account-summary";

    @Autowired
    DeadLetterRetrier retrier;

    @Autowired
    EventStore eventStore;

    @Autowired
    ProcessorTopology topology;

    private final List<String> constraints = new ArrayList<>();

    @AfterEach
    void fixTheCause() {
        constraints.forEach(name -> jdbc.execute("alter table account_summary drop constraint if exists " + name));
        jdbc.execute("alter table dead_letter_entry drop constraint if exists refuse_poison");
    }

    @Test
    void aFailingEventIsDeadLetteredTheOthersMoveOnAndARetryAfterTheFixMakesTheProjectionWhole() {
        // the statement shares the summary's processor (one token): it must still get every event the summary fails on
        assertThat(topology.processorOf("account-statement")).isEqualTo(topology.processorOf(GROUP))
                .isNotEqualTo(GROUP);
        String victim = api.openAccount("Victor", "Poisoned", "1000.00");
        String bystander = openAccountInTheSameSegmentAs(victim);
        awaitBalance(victim, "0");
        awaitBalance(bystander, "0");
        String constraint = poisonTheSummaryOf(victim, "100");

        charge(victim, "500.00");
        charge(bystander, "10.00");
        charge(victim, "20.00");
        charge(bystander, "5.00");

        // the other account of the same segment is projected, event after event
        awaitBalance(bystander, "15.00");
        JsonNode letter = Await.until("the dead letter of " + victim, () -> lettersOf(victim),
                letters -> letters.size() == 2).get(0);
        assertThat(letter.get("group").asText()).isEqualTo(GROUP);
        assertThat(letter.get("sequenceIdentifier").asText()).isEqualTo(victim);
        assertThat(letter.get("aggregateIdentifier").asText()).isEqualTo(victim);
        assertThat(letter.get("eventType").asText()).endsWith("ChargePosted");
        assertThat(letter.get("globalIndex").asLong()).isPositive();
        assertThat(letter.get("payload").asText()).contains("500");
        assertThat(letter.get("cause").get("message").asText()).contains(constraint);
        assertThat(letter.get("enqueuedAt").asText()).isNotBlank();
        assertThat(letter.get("waitingBehindEarlierLetter").asBoolean()).isFalse();
        // the later charge of the same account waits behind it, in order
        JsonNode behind = lettersOf(victim).get(1);
        assertThat(behind.get("waitingBehindEarlierLetter").asBoolean()).isTrue();
        assertThat(behind.get("payload").asText()).contains("20");
        // the statement, another group of the same processor, was never affected
        awaitStatementLines(victim, 2);
        assertThat(Amounts.of(api.get("reporter", "/api/accounts/" + victim).json().get("balance")))
                .isEqualByComparingTo("0");

        var health = api.get("admin", "/actuator/health");
        assertThat(health.json().get("status").asText()).isNotEqualTo("UP");
        assertThat(health.json().at("/components/deadLetters/status").asText()).isEqualTo("DEAD_LETTERS");
        assertThat(health.json().at("/components/deadLetters/details/groups/" + GROUP).asLong())
                .isGreaterThanOrEqualTo(2);
        var readiness = api.get("admin", "/actuator/health/readiness");
        assertThat(readiness.json().at("/components/deadLetters/status").asText()).isEqualTo("DEAD_LETTERS");
        assertThat(api.get(null, "/actuator/health/readiness").json().has("components"))
                .as("details are for administrators").isFalse();
        Await.until("the dead-letter gauge", () -> api.get("admin", "/actuator/prometheus").body(),
                body -> gauge(body, GROUP).filter(count -> count >= 2).isPresent());

        jdbc.execute("alter table account_summary drop constraint " + constraint);
        var retried = api.post("admin", "/api/admin/dead-letters/" + letter.get("id").asText() + "/retry", null);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("outcome").asText()).isEqualTo("PROCESSED");
        assertThat(retried.json().get("principal").asText()).isEqualTo("admin");
        assertThat(lettersOf(victim)).isEmpty();
        awaitBalance(victim, "520.00");
        assertThat(action(letter.get("id").asText()).get("action").asText()).isEqualTo("RETRY");
    }

    @Test
    void theChargeTheIssueReportedStopsOnlyItsOwnAccountInBothAccountReadModels() {
        String victim = api.openAccount("Nul", "Overflow", "1000.00");
        String bystander = openAccountInTheSameSegmentAs(victim);
        awaitBalance(victim, "0");
        // what the API now refuses at the door, stored as it was before: an amount beyond numeric(19, 4), a NUL
        Money huge = Money.of("99999999999999999999.99", "EUR");
        eventStore.publish(new GenericDomainEventMessage<>("Account", victim, 1, new ChargePosted(victim,
                        "poisoned-1", huge, "Gold\u0000package", null, huge)),
                new GenericDomainEventMessage<>("Account", victim, 2, new ChargePosted(victim,
                        "poisoned-2", Money.of("5.00", "EUR"), "after it", null, huge.plus(Money.of("5.00", "EUR")))));
        charge(bystander, "7.00");

        awaitBalance(bystander, "7.00");
        awaitStatementLines(bystander, 1);
        // the open items project the charge too: its letters must be there before all of them are evicted
        for (String group : List.of("account-summary", "account-statement", "receivable-open-items")) {
            List<JsonNode> letters = Await.until("the dead letters of " + victim + " in " + group,
                    () -> lettersOf(victim).stream().filter(letter -> letter.get("group").asText().equals(group))
                            .toList(), found -> found.size() == 2);
            assertThat(letters.get(0).get("cause").get("message").asText())
                    .containsAnyOf("numeric field overflow", "0x00");
            assertThat(letters.get(1).get("waitingBehindEarlierLetter").asBoolean()).isTrue();
        }

        lettersOf(victim).forEach(letter -> assertThat(api.post("admin",
                "/api/admin/dead-letters/" + letter.get("id").asText() + "/evict", null).status()).isEqualTo(200));
        assertThat(lettersOf(victim)).isEmpty();
    }

    @Test
    void theScheduledRetryHealsALetterWhoseCauseWasFixed() {
        String account = api.openAccount("Sched", "Uled", "1000.00");
        awaitBalance(account, "0");
        String constraint = poisonTheSummaryOf(account, "1");
        charge(account, "2.00");
        Await.until("the dead letter of " + account, () -> lettersOf(account), letters -> letters.size() == 1);

        jdbc.execute("alter table account_summary drop constraint " + constraint);
        Await.until("the scheduled retry's work", () -> {
            retrier.retryAll();
            return lettersOf(account);
        }, List::isEmpty);

        awaitBalance(account, "2.00");
    }

    @Test
    void aLetterCanBeEvictedAndTheActionIsRecorded() {
        String id = "poison-" + UUID.randomUUID();
        String letterId = publishPoison(id);

        var evicted = api.post("admin", "/api/admin/dead-letters/" + letterId + "/evict", null);

        assertThat(evicted.status()).as(evicted.toString()).isEqualTo(200);
        assertThat(evicted.json().get("outcome").asText()).isEqualTo("EVICTED");
        assertThat(lettersOf(id)).isEmpty();
        JsonNode action = action(letterId);
        assertThat(action.get("action").asText()).isEqualTo("EVICT");
        assertThat(action.get("principal").asText()).isEqualTo("admin");
        assertThat(action.get("group").asText()).isEqualTo(DeadLetterProbe.GROUP);
        assertThat(action.get("actedAt").asText()).isNotBlank();
    }

    @Test
    void aProcessorThatCannotMoveOnMakesReadinessDownUntilItRecovers() {
        String id = "poison-" + UUID.randomUUID();
        // even its dead letter cannot be written: isolating the event does not help, the segment is stuck
        jdbc.execute("alter table dead_letter_entry add constraint refuse_poison check (sequence_identifier <> '"
                + id + "')");
        OperationsIT.publishPoison(eventStore, id);

        var down = Await.until("readiness DOWN", () -> api.get("admin", "/actuator/health/readiness"),
                response -> response.status() == 503);
        assertThat(down.json().at("/components/eventProcessors/status").asText()).isEqualTo("DOWN");
        JsonNode stuck = StreamSupport.stream(
                        down.json().at("/components/eventProcessors/details/failingSegments").spliterator(), false)
                .filter(segment -> segment.get("processor").asText().equals(DeadLetterProbe.GROUP))
                .findFirst().orElseThrow();
        assertThat(stuck.get("stuck").asBoolean()).isTrue();
        assertThat(stuck.get("cause").asText()).contains("refuse_poison");

        jdbc.execute("alter table dead_letter_entry drop constraint refuse_poison");
        Await.until("the probe's processor moving on", () -> api.get("admin", "/actuator/health/readiness"),
                response -> response.json().at("/components/eventProcessors/status").asText().equals("UP"));
        Await.until("the probe's dead letter of " + id, () -> lettersOf(id), letters -> letters.size() == 1);
    }

    @Test
    void anUnknownLetterIsNotFound() {
        assertProblem(api.post("admin", "/api/admin/dead-letters/no-such-letter/retry", null), 404,
                "DEAD_LETTER_NOT_FOUND", null);
        assertProblem(api.post("admin", "/api/admin/dead-letters/no-such-letter/evict", null), 404,
                "DEAD_LETTER_NOT_FOUND", null);
    }

    @Test
    void onlyAdministratorsMayReadOrHandleDeadLetters() {
        assertProblem(api.get("agent", "/api/admin/dead-letters"), 403, "ACCESS_DENIED", null);
        assertProblem(api.get("supervisor", "/api/admin/dead-letters/actions"), 403, "ACCESS_DENIED", null);
        assertProblem(api.post("agent", "/api/admin/dead-letters/any/retry", null), 403, "ACCESS_DENIED", null);
        assertProblem(api.post("billing", "/api/admin/dead-letters/any/evict", null), 403, "ACCESS_DENIED", null);
        assertThat(api.get(null, "/api/admin/dead-letters").status()).isEqualTo(401);
        assertThat(api.get("admin", "/api/admin/dead-letters").status()).isEqualTo(200);
    }

    /** An account the test-only probe projection fails on: its letter stays whatever is retried. */
    private String publishPoison(String id) {
        OperationsIT.publishPoison(eventStore, id);
        return Await.until("the probe's dead letter of " + id, () -> lettersOf(id), letters -> letters.size() == 1)
                .get(0).get("id").asText();
    }

    /** A CHECK constraint that the account's summary row breaks once its balance exceeds {@code limit}. */
    private String poisonTheSummaryOf(String accountId, String limit) {
        String name = "poison_" + accountId.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
        jdbc.execute("alter table account_summary add constraint " + name + " check (account_id <> '" + accountId
                + "' or balance <= " + new BigDecimal(limit).toPlainString() + ")");
        constraints.add(name);
        return name;
    }

    /** Axon's segments split the accounts by the hash of their id: another account of the victim's segment. */
    private String openAccountInTheSameSegmentAs(String victim) {
        int segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                Integer.class, topology.processorOf(GROUP));
        int mask = Integer.highestOneBit(segments) - 1;
        for (int attempt = 0; attempt < 64; attempt++) {
            String candidate = api.openAccount("Bella", "Bystander", "1000.00");
            if ((candidate.hashCode() & mask) == (victim.hashCode() & mask)) {
                return candidate;
            }
        }
        throw new AssertionError("no account in the segment of " + victim);
    }

    private void charge(String accountId, String amount) {
        var response = api.post("agent", "/api/accounts/" + accountId + "/charges",
                "{\"amount\": " + amount + ", \"description\": \"dead-letter test\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private void awaitBalance(String accountId, String expected) {
        Await.until("balance " + expected + " of " + accountId,
                () -> api.get("reporter", "/api/accounts/" + accountId),
                response -> response.status() == 200
                        && Amounts.of(response.json().get("balance")).compareTo(new BigDecimal(expected)) == 0);
    }

    private void awaitStatementLines(String accountId, int lines) {
        Await.until(lines + " statement lines of " + accountId,
                () -> api.get("reporter", "/api/accounts/" + accountId + "/statement").json(),
                statement -> statement.get("content").size() == lines);
    }

    /** The account's dead letters in every group, in queue order. */
    private List<JsonNode> lettersOf(String accountId) {
        var page = api.get("admin", "/api/admin/dead-letters?size=500");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return StreamSupport.stream(page.json().get("content").spliterator(), false)
                .filter(letter -> accountId.equals(letter.get("sequenceIdentifier").asText()))
                .sorted(Comparator.comparingLong(letter -> letter.get("sequenceIndex").asLong()))
                .toList();
    }

    private JsonNode action(String letterId) {
        var actions = api.get("admin", "/api/admin/dead-letters/actions?size=500");
        return StreamSupport.stream(actions.json().get("content").spliterator(), false)
                .filter(action -> letterId.equals(action.get("deadLetterId").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no action on " + letterId + ": " + actions));
    }

    private static Optional<Double> gauge(String prometheus, String group) {
        var line = Pattern.compile("^ledger_dead_letters\\{group=\"" + Pattern.quote(group) + "\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(prometheus);
        return line.find() ? Optional.of(Double.parseDouble(line.group(1))) : Optional.empty();
    }
}
