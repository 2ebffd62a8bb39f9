package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.money.Money;
import org.subledger.platform.deadletter.DeadLetterRetrier;
import org.subledger.platform.deadletter.DeadLetters;

import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saga's technical failure: retried with back-off, then dead-lettered in PostgreSQL with the same account's later
 * events queued behind it, while the saga group goes on with every other account. Its letters are the operators'
 * like every other group's: listed, retried by letter once the cause is fixed (the sequence handled in order),
 * evicted, each action recorded, and retried by the scheduled retry.
 */
class SagaDeadLettersIT extends LedgerIT {

    @Autowired
    EventStore eventStore;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    DeadLetterRetrier retrier;

    private String broken;

    @AfterEach
    void fixTheCause() {
        SagaDeadLetterProbe.BROKEN.remove(broken);
    }

    void publish(String accountId, long sequence, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("Account", accountId, sequence, event));
    }

    static AccountOpened opened(String id) {
        return new AccountOpened(id, CustomerType.PERSON, new PersonDetails("Saga", "Probe", null), null,
                ContactDetails.none(), Currency.getInstance("EUR"), Money.of("10", "EUR"), null, "RESIDENTIAL",
                "agent");
    }

    /** Opens a broken account and closes it: both events dead-lettered, in order; returns the first letter. */
    JsonNode deadLetteredAccount() {
        broken = "saga-poison-" + UUID.randomUUID();
        SagaDeadLetterProbe.BROKEN.add(broken);
        publish(broken, 0, opened(broken));
        Await.until("a dead letter for " + broken, () -> lettersOf(broken), letters -> letters.size() == 1);
        publish(broken, 1, new AccountClosed(broken, "left"));
        return Await.until("the later event queued behind the dead letter", () -> lettersOf(broken),
                letters -> letters.size() == 2).get(0);
    }

    /** The account's dead letters in the probe's group, in queue order. */
    List<JsonNode> lettersOf(String accountId) {
        var page = api.get("admin", "/api/admin/dead-letters?group=" + SagaDeadLetterProbe.GROUP + "&size=500");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return StreamSupport.stream(page.json().get("content").spliterator(), false)
                .filter(letter -> accountId.equals(letter.get("sequenceIdentifier").asText()))
                .sorted(Comparator.comparingLong(letter -> letter.get("sequenceIndex").asLong()))
                .toList();
    }

    JsonNode act(String letterId, String action) {
        var response = api.post("admin", "/api/admin/dead-letters/" + letterId + "/" + action, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    List<String> handledOf(String accountId) {
        return SagaDeadLetterProbe.HANDLED.stream().filter(handled -> handled.startsWith(accountId)).toList();
    }

    @Test
    void aTechnicalFailureIsDeadLetteredTheOthersGoOnAndARetryOfTheLetterAfterTheFixHandlesItInOrder() {
        JsonNode letter = deadLetteredAccount();
        String fine = "saga-fine-" + UUID.randomUUID();
        publish(fine, 0, opened(fine));

        Await.until("the other account handled", () -> SagaDeadLetterProbe.HANDLED, handled ->
                handled.contains(fine + ":opened"));
        assertThat(letter.get("group").asText()).isEqualTo(SagaDeadLetterProbe.GROUP);
        assertThat(letter.get("eventType").asText()).endsWith("AccountOpened");
        assertThat(letter.get("cause").get("message").asText()).contains("cannot handle");
        assertThat(lettersOf(broken).get(1).get("waitingBehindEarlierLetter").asBoolean()).isTrue();
        assertThat(handledOf(broken)).isEmpty();
        assertThat(deadLetters.groups()).contains(SagaDeadLetterProbe.GROUP, "event-charges", "provisioning");

        JsonNode notFixed = act(letter.get("id").asText(), "retry");
        assertThat(notFixed.get("outcome").asText()).isEqualTo("STILL_DEAD_LETTERED");
        assertThat(lettersOf(broken)).hasSize(2);

        SagaDeadLetterProbe.BROKEN.remove(broken);
        JsonNode fixed = act(letter.get("id").asText(), "retry");

        assertThat(fixed.get("action").asText()).isEqualTo("RETRY");
        assertThat(fixed.get("outcome").asText()).isEqualTo("PROCESSED");
        assertThat(fixed.get("principal").asText()).isEqualTo("admin");
        assertThat(lettersOf(broken)).isEmpty();
        assertThat(handledOf(broken)).containsExactly(broken + ":opened", broken + ":closed");
        AccountsIT.assertProblem(api.post("agent", "/api/admin/dead-letters/" + letter.get("id").asText()
                + "/retry", null), 403, "ACCESS_DENIED", null);
    }

    @Test
    void anEvictedSagaLetterIsNeverHandledAndTheLetterBehindItIsRetriedOnSchedule() {
        JsonNode first = deadLetteredAccount();

        JsonNode evicted = act(first.get("id").asText(), "evict");

        assertThat(evicted.get("outcome").asText()).isEqualTo("EVICTED");
        assertThat(evicted.get("group").asText()).isEqualTo(SagaDeadLetterProbe.GROUP);
        assertThat(lettersOf(broken)).singleElement()
                .satisfies(behind -> assertThat(behind.get("eventType").asText()).endsWith("AccountClosed"));

        SagaDeadLetterProbe.BROKEN.remove(broken);
        Await.until("the scheduled retry's work", () -> {
            retrier.retryAll();
            return lettersOf(broken);
        }, List::isEmpty);
        // the evicted event is never handled; the one behind it reaches the saga (created as its start failed)
        assertThat(handledOf(broken)).containsExactly(broken + ":closed");
    }
}
