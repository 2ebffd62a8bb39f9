package org.subledger.projection.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.projection.support.UnitOfWorkBuffer;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code account_statement_line}: one line per posting, keyed by the account and the event's sequence number,
 * so a redelivered event inserts nothing. The lines of a whole batch of events go to PostgreSQL as one JDBC batch.
 */
@Component
@ProcessingGroup(AccountStatementProjection.PROCESSING_GROUP)
class AccountStatementProjection {

    static final String PROCESSING_GROUP = "account-statement";

    private static final String INSERT = """
            insert into account_statement_line (account_id, sequence_number, posting_id, entry_type, posted_at,
                                                narrative, reference, amount, balance_effect, running_balance, currency)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (account_id, sequence_number) do nothing""";

    private final JdbcTemplate jdbc;
    private final UnitOfWorkBuffer<List<StatementLineRow>> pending;

    AccountStatementProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.pending = new UnitOfWorkBuffer<>("account-statement.pending-lines", ArrayList::new, this::insert);
    }

    @EventHandler
    void on(AccountPosting posting, @SequenceNumber long sequenceNumber, @Timestamp Instant postedAt) {
        var line = StatementLineRow.of(posting, sequenceNumber, postedAt);
        pending.add(lines -> lines.add(line));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table account_statement_line");
    }

    private void insert(List<StatementLineRow> lines) {
        if (!lines.isEmpty()) {
            jdbc.batchUpdate(INSERT, lines, lines.size(), AccountStatementProjection::bind);
        }
    }

    private static void bind(PreparedStatement statement, StatementLineRow line) throws SQLException {
        statement.setString(1, line.accountId());
        statement.setLong(2, line.sequenceNumber());
        statement.setString(3, line.postingId());
        statement.setString(4, line.entryType().name());
        statement.setObject(5, line.postedAt().atOffset(ZoneOffset.UTC));
        statement.setString(6, line.narrative());
        statement.setString(7, line.reference());
        statement.setBigDecimal(8, line.amount());
        statement.setBigDecimal(9, line.balanceEffect());
        statement.setBigDecimal(10, line.runningBalance());
        statement.setString(11, line.currency());
    }
}
