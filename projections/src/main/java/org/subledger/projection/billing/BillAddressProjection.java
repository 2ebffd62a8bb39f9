package org.subledger.projection.billing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.subscription.SubscriptionCreated;

/**
 * The addresses bills are sent to ({@code bill_address}): an account's contact address from its opening, a
 * subscription's billing address from its creation. Upserts, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(BillingProjectionsConfiguration.PROCESSING_GROUP)
class BillAddressProjection {

    private static final String UPSERT = """
            insert into bill_address (owner_id, address) values (?, ?)
            on conflict (owner_id) do update set address = excluded.address""";

    private final JdbcTemplate jdbc;

    BillAddressProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountOpened event) {
        if (event.contact() != null) {
            save("account:" + event.accountId(), event.contact().address());
        }
    }

    @EventHandler
    void on(SubscriptionCreated event) {
        save("subscription:" + event.subscriptionId(), event.billingAddress());
    }

    private void save(String owner, String address) {
        if (address != null && !address.isBlank()) {
            jdbc.update(UPSERT, owner, address.strip());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table bill_address");
    }
}
