package org.subledger.command.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.subledger.command.account.RandomAccountHistories;
import org.subledger.kernel.account.AccountState;
import org.subledger.kernel.catalog.ConditionAttribute;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Billing's view of an account is the one fold's ({@link AccountState}), on the same random histories. */
class AccountFoldTest {

    @Test
    void billingSeesWhatTheOneFoldSees() {
        var random = new Random(20261203);
        for (int run = 0; run < 300; run++) {
            String id = "acc-" + run;
            List<DomainEventMessage<?>> stream = new ArrayList<>();
            var state = new AccountState();
            List<Object> events = RandomAccountHistories.history(id, random);
            for (int i = 0; i < events.size(); i++) {
                var message = new GenericDomainEventMessage<>("Account", id, i, events.get(i));
                stream.add(message);
                state.apply(message.getPayload(), i, message.getTimestamp());
            }

            BillingAccount account = AccountFold.of(stream);

            assertThat(account.balance()).as("run %d", run).isEqualTo(state.balance());
            assertThat(account.closed()).isEqualTo(state.closed());
            assertThat(account.currency()).isEqualTo(state.currency());
            assertThat(account.lastSequenceNumber()).isEqualTo(events.size() - 1);
            assertThat(account.receivables()).as("open items, run %d", run).isEqualTo(state.receivables());
            Map<ConditionAttribute, String> facts = new EnumMap<>(ConditionAttribute.class);
            facts.put(ConditionAttribute.CUSTOMER_TYPE, state.type().name());
            facts.put(ConditionAttribute.ACCOUNT_CLASSIFICATION, state.classification());
            if (state.creditRating() != null) {
                facts.put(ConditionAttribute.ACCOUNT_CREDIT_RATING, state.creditRating());
            }
            assertThat(account.conditionFacts()).isEqualTo(facts);
        }
    }

    @Test
    void aStreamWithoutAnOpeningIsNoAccount() {
        assertThat(AccountFold.of(List.of())).isNull();
    }
}
