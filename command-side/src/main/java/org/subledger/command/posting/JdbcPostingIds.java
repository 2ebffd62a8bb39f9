package org.subledger.command.posting;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code account_posting_id} table. Written in the command's transaction (Axon's unit of work holds the Spring
 * transaction the event store appends in), so a row exists exactly when its posting event does.
 */
@Repository
class JdbcPostingIds implements PostingIds {

    private final JdbcTemplate jdbc;

    JdbcPostingIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String accountId, String postingId) {
        return jdbc.update("""
                insert into account_posting_id (account_id, posting_id) values (?, ?)
                on conflict do nothing""", accountId, postingId) == 1;
    }
}
