package org.subledger.query.attention;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.subledger.kernel.process.query.AttentionItem;
import org.subledger.kernel.process.query.AttentionPage;
import org.subledger.kernel.process.query.ListAttentionItems;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Answers the "needs attention" list from {@code attention_item}, newest refusal first. */
@Component
class AttentionQueryHandler {

    /** The largest page the list returns, whoever asks. */
    static final int MAX_PAGE_SIZE = 500;

    private static final RowMapper<AttentionItem> ITEM = (rs, row) -> new AttentionItem(rs.getString("refusal_id"),
            rs.getString("process"), rs.getString("step"), rs.getString("step_id"), rs.getString("subject_id"),
            rs.getString("target"), rs.getString("command"), rs.getString("code"), rs.getString("reason"),
            instant(rs, "refused_at"), instant(rs, "resolved_at"), rs.getString("resolved_by"),
            rs.getString("resolution"));

    private final JdbcTemplate jdbc;

    AttentionQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AttentionPage handle(ListAttentionItems query) {
        int page = Math.max(query.page(), 0);
        int size = Math.min(Math.max(query.size(), 1), MAX_PAGE_SIZE);
        String filter = query.includeResolved() ? "" : " where resolved_at is null";
        List<AttentionItem> content = jdbc.query("select * from attention_item" + filter
                + " order by refused_at desc, refusal_id limit ? offset ?", ITEM, size, (long) page * size);
        Long total = jdbc.queryForObject("select count(*) from attention_item" + filter, Long.class);
        return new AttentionPage(content, page, size, total == null ? 0 : total);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
