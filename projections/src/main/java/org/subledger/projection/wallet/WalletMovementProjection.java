package org.subledger.projection.wallet;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.wallet.WalletConsumed;
import org.subledger.kernel.wallet.WalletMovement;
import org.subledger.projection.support.UnitOfWorkBuffer;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code wallet_movement}: one row per movement of a wallet, keyed by the wallet and the event's sequence
 * number (a redelivered event inserts nothing); a batch's rows go to PostgreSQL as one JDBC batch.
 */
@Component
@ProcessingGroup(WalletMovementProjection.PROCESSING_GROUP)
class WalletMovementProjection {

    static final String PROCESSING_GROUP = "wallet-movements";

    private static final String INSERT = """
            insert into wallet_movement (wallet_id, sequence_number, account_id, kind, occurred_at, amount,
                                         balance_after, currency, reference, subscription_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (wallet_id, sequence_number) do nothing""";

    private record Row(WalletMovement movement, String kind, long sequenceNumber, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final UnitOfWorkBuffer<List<Row>> pending;

    WalletMovementProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.pending = new UnitOfWorkBuffer<>("wallet-movements.pending", ArrayList::new, this::insert);
    }

    @EventHandler
    void on(WalletMovement movement, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        var row = new Row(movement, WalletMovement.kindOf(movement), sequenceNumber, at);
        pending.add(rows -> rows.add(row));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table wallet_movement");
    }

    private void insert(List<Row> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows, rows.size(), WalletMovementProjection::bind);
        }
    }

    private static void bind(PreparedStatement statement, Row row) throws SQLException {
        WalletMovement movement = row.movement();
        statement.setString(1, movement.walletId());
        statement.setLong(2, row.sequenceNumber());
        statement.setString(3, movement.accountId());
        statement.setString(4, row.kind());
        statement.setObject(5, row.at().atOffset(ZoneOffset.UTC));
        statement.setBigDecimal(6, movement.balanceEffect().amount());
        statement.setBigDecimal(7, movement.balanceAfter().amount());
        statement.setString(8, movement.amount().currency().getCurrencyCode());
        statement.setString(9, movement.reference());
        statement.setString(10, movement instanceof WalletConsumed consumed ? consumed.subscriptionId() : null);
    }
}
