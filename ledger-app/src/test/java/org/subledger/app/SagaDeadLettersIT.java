package org.subledger.app;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.command.process.SagaDeadLetters;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.money.Money;

import java.util.Currency;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saga's technical failure: retried with back-off, then dead-lettered in PostgreSQL with the same account's later
 * events queued behind it, while the saga group goes on with every other account; once the cause is fixed, retrying
 * the group's dead letters handles them in order and empties the queue.
 */
class SagaDeadLettersIT extends LedgerIT {

    @Autowired
    EventStore eventStore;
    @Autowired
    SagaDeadLetters sagaDeadLetters;

    void publish(String accountId, long sequence, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("Account", accountId, sequence, event));
    }

    static AccountOpened opened(String id) {
        return new AccountOpened(id, CustomerType.PERSON, new PersonDetails("Saga", "Probe", null), null,
                ContactDetails.none(), Currency.getInstance("EUR"), Money.of("10", "EUR"), null, "RESIDENTIAL",
                "agent");
    }

    long deadLetters(String accountId) {
        return jdbc.queryForObject("""
                select count(*) from dead_letter_entry where processing_group = ? and aggregate_identifier = ?""",
                Long.class, SagaDeadLetterProbe.GROUP, accountId);
    }

    com.fasterxml.jackson.databind.JsonNode retry() {
        var response = api.post("admin", "/api/admin/saga-dead-letters/" + SagaDeadLetterProbe.GROUP + "/retry", "");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    String letters() {
        return jdbc.queryForList("select sequence_identifier, sequence_index, payload_type, aggregate_identifier,"
                + " sequence_number, cause_message from dead_letter_entry where processing_group = ?",
                SagaDeadLetterProbe.GROUP).toString();
    }

    @Test
    void aTechnicalFailureIsDeadLetteredTheOthersGoOnAndARetryAfterTheFixHandlesItInOrder() {
        String broken = "saga-poison-" + UUID.randomUUID();
        String fine = "saga-fine-" + UUID.randomUUID();
        SagaDeadLetterProbe.BROKEN.add(broken);

        publish(broken, 0, opened(broken));
        Await.until("a dead letter for " + broken, () -> deadLetters(broken), count -> count == 1);
        publish(broken, 1, new AccountClosed(broken, "left"));
        publish(fine, 0, opened(fine));

        Await.until("the other account handled", () -> SagaDeadLetterProbe.HANDLED, handled ->
                handled.contains(fine + ":opened"));
        Await.until("the later event queued behind the dead letter", this::letters, rows -> deadLetters(broken) == 2);
        String cause = jdbc.queryForObject("""
                select cause_message from dead_letter_entry where aggregate_identifier = ?
                order by sequence_index limit 1""",
                String.class, broken);
        assertThat(cause).contains("cannot handle");
        assertThat(SagaDeadLetterProbe.HANDLED).noneMatch(handled -> handled.startsWith(broken));

        assertThat(sagaDeadLetters.sagaGroups()).contains(SagaDeadLetterProbe.GROUP, "event-charges", "provisioning");
        assertThat(retry().get("sequencesHandled").asInt()).as("nothing fixed yet").isZero();
        assertThat(deadLetters(broken)).as(letters()).isEqualTo(2);

        SagaDeadLetterProbe.BROKEN.remove(broken);
        retry(); // the scheduled retry may get there first in a long-running suite: either empties the queue
        Await.until("the dead letters handled", () -> deadLetters(broken), count -> count == 0);
        assertThat(SagaDeadLetterProbe.HANDLED.stream().filter(handled -> handled.startsWith(broken)))
                .containsExactly(broken + ":opened", broken + ":closed");
        AccountsIT.assertProblem(api.post("agent", "/api/admin/saga-dead-letters/event-charges/retry", ""),
                403, "ACCESS_DENIED", null);
        AccountsIT.assertProblem(api.post("admin", "/api/admin/saga-dead-letters/account-summaries/retry", ""),
                404, "NOT_FOUND", null);
    }
}
