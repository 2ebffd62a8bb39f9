package org.subledger.projection.subscription;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.InstalledItemAdded;
import org.subledger.kernel.subscription.InstalledItemRemoved;
import org.subledger.kernel.subscription.InstalledItemSwapped;
import org.subledger.kernel.subscription.SubscriptionCreated;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code installed_item}: where each serial number is or was installed. Installed-item events do not name the
 * account, so this processing group keeps its own subscription-to-account table ({@code installed_item_owner}),
 * filled from the creation event, which always comes first for a subscription. Every statement only touches a row
 * older than the event, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(InstalledItemsProjection.PROCESSING_GROUP)
class InstalledItemsProjection {

    static final String PROCESSING_GROUP = "installed-items";

    private static final String OWNER = """
            insert into installed_item_owner (subscription_id, account_id) values (?, ?)
            on conflict (subscription_id) do nothing""";
    private static final String INSTALL = """
            insert into installed_item (serial_number, subscription_id, product_code, account_id, installed_on,
                                        removed_on, version)
            select ?, subscription_id, ?, account_id, ?, null, ?
            from installed_item_owner where subscription_id = ?
            on conflict (serial_number, subscription_id) do update set
                product_code = excluded.product_code, installed_on = excluded.installed_on, removed_on = null,
                version = excluded.version
            where installed_item.version < excluded.version""";
    private static final String REMOVE = """
            update installed_item set removed_on = ?, version = ?
            where serial_number = ? and subscription_id = ? and version < ?""";

    private final JdbcTemplate jdbc;
    private final StatementBuffer pending;

    InstalledItemsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.pending = new StatementBuffer("installed-items.pending", jdbc);
    }

    @EventHandler
    void on(SubscriptionCreated event, @SequenceNumber long sequenceNumber) {
        List<String> sql = new ArrayList<>(List.of(OWNER));
        List<Object[]> arguments = new ArrayList<>();
        arguments.add(new Object[]{event.subscriptionId(), event.accountId()});
        for (InstalledItem item : event.installedItems()) {
            sql.add(INSTALL);
            arguments.add(install(event.subscriptionId(), item, event.createdOn(), sequenceNumber));
        }
        pending.add(sql, arguments);
    }

    @EventHandler
    void on(InstalledItemAdded event, @SequenceNumber long sequenceNumber) {
        pending.add(INSTALL, install(event.subscriptionId(), event.item(), event.addedOn(), sequenceNumber));
    }

    @EventHandler
    void on(InstalledItemSwapped event, @SequenceNumber long sequenceNumber) {
        pending.add(List.of(REMOVE, INSTALL), List.of(
                remove(event.subscriptionId(), event.previousItem(), event.swappedOn(), sequenceNumber),
                install(event.subscriptionId(), event.item(), event.swappedOn(), sequenceNumber)));
    }

    @EventHandler
    void on(InstalledItemRemoved event, @SequenceNumber long sequenceNumber) {
        pending.add(REMOVE, remove(event.subscriptionId(), event.item(), event.removedOn(), sequenceNumber));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table installed_item, installed_item_owner");
    }

    private static Object[] install(String subscriptionId, InstalledItem item, LocalDate on, long sequenceNumber) {
        return new Object[]{item.serialNumber(), item.productCode(), on, sequenceNumber, subscriptionId};
    }

    private static Object[] remove(String subscriptionId, InstalledItem item, LocalDate on, long sequenceNumber) {
        return new Object[]{on, sequenceNumber, item.serialNumber(), subscriptionId, sequenceNumber};
    }
}
