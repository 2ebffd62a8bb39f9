package org.subledger.command.account;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.account.AccountState;
import org.subledger.kernel.account.OpenItem;
import org.subledger.kernel.account.Receivables;
import org.subledger.kernel.money.Money;
import org.subledger.platform.axon.StorageJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Account aggregate and its snapshot fold the account stream exactly as {@link AccountState} does for every other
 * reader (billing's {@code AccountFoldTest}, the lookup's {@code AccountLookupReadersTest} feed them the same random
 * histories): whatever the history, the same summary.
 */
class AccountStateReadersTest {

    static final Serializer SNAPSHOTS = StorageJson.serializer();

    @Test
    void theAggregateAndItsSnapshotSeeWhatTheOneFoldSees() {
        var random = new Random(20261201);
        for (int run = 0; run < 300; run++) {
            List<DomainEventMessage<?>> stream = messages("acc-" + run, RandomAccountHistories.history("acc-" + run,
                    random));
            var expected = fold(stream).summary();

            Account account = aggregate(stream);
            SerializedObject<String> stored = SNAPSHOTS.serialize(account, String.class);
            Account fromSnapshot = SNAPSHOTS.deserialize(stored);

            assertThat(account.state().summary()).as("aggregate, run %d", run).isEqualTo(expected);
            assertThat(fromSnapshot.state().summary()).as("snapshot, run %d", run).isEqualTo(expected);
            assertThat(account.state().receivables()).as("open items, run %d", run)
                    .isEqualTo(fold(stream).receivables());
            assertThat(fromSnapshot.state().receivables()).as("open items from the snapshot, run %d", run)
                    .isEqualTo(fold(stream).receivables());
            assertThat(stored.getType().getRevision()).isEqualTo("2");
        }
    }

    @Test
    void theOpenItemsLessTheUnallocatedMoneyAreTheBalanceAndNeverBothRemain() {
        var random = new Random(20261202);
        for (int run = 0; run < 300; run++) {
            AccountState state = fold(messages("acc-" + run, RandomAccountHistories.history("acc-" + run, random)));
            Receivables receivables = state.receivables();
            Money open = receivables.items().stream().map(OpenItem::open)
                    .reduce(Money.zero(state.currency()), Money::plus);

            assertThat(open.minus(receivables.unallocated())).as("run %d", run).isEqualTo(state.balance());
            assertThat(receivables.items().isEmpty() || receivables.unallocated().isZero()).as("run %d", run)
                    .isTrue();
            assertThat(receivables.items()).as("oldest due first, run %d", run)
                    .isSortedAccordingTo(Comparator.comparing(OpenItem::dueDate));
        }
    }

    static List<DomainEventMessage<?>> messages(String accountId, List<Object> events) {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            stream.add(new GenericDomainEventMessage<>("Account", accountId, i, events.get(i)));
        }
        return stream;
    }

    static AccountState fold(List<DomainEventMessage<?>> stream) {
        var state = new AccountState();
        stream.forEach(message -> state.apply(message.getPayload(), message.getSequenceNumber(),
                message.getTimestamp()));
        return state;
    }

    private static Account aggregate(List<DomainEventMessage<?>> stream) {
        var model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Account.class);
        Account account = new Account();
        stream.forEach(message -> model.publish(message, account));
        return account;
    }
}
