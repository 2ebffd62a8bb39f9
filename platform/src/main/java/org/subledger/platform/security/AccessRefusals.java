package org.subledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.error.RefusedRecord;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The audit trail of access refusals: each request answered 404 because the record lies outside the user's access
 * scope is written as one row, in its own transaction (the refused command's rolled back and recorded nothing).
 */
public class AccessRefusals {

    private static final Logger log = LoggerFactory.getLogger(AccessRefusals.class);
    private static final int MAX_PATH = 1000;

    private static final RowMapper<AccessRefusal> ROW = (rs, row) -> new AccessRefusal(rs.getLong("id"),
            rs.getObject("refused_at", OffsetDateTime.class).toInstant(), rs.getString("principal"),
            rs.getString("acting_unit"), rs.getString("method"), rs.getString("path"), rs.getString("record_type"),
            rs.getString("record_id"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AccessRefusals(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the refusal; a failure to record is logged, never turned into another answer than the 404. */
    public void record(RefusedRecord record, AccessScope scope, HttpServletRequest request) {
        try {
            String path = request == null ? "" : request.getRequestURI();
            jdbc.update("""
                            insert into access_refusal (refused_at, principal, acting_unit, method, path, record_type,
                                                        record_id)
                            values (?, ?, ?, ?, ?, ?, ?)""",
                    clock.instant().atOffset(ZoneOffset.UTC), scope.principal() == null ? "unknown" : scope.principal(),
                    scope.actingUnit(), request == null ? "" : request.getMethod(),
                    path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path, record.type(), record.id());
        } catch (RuntimeException failed) {
            log.error("Could not record the access refusal of {} on {} {}", scope.principal(), record.type(),
                    record.id(), failed);
        }
    }

    /** Newest first. */
    public Page list(int page, int size) {
        List<AccessRefusal> content = jdbc.query("""
                select id, refused_at, principal, acting_unit, method, path, record_type, record_id
                from access_refusal order by refused_at desc, id desc limit ? offset ?""", ROW, size,
                (long) page * size);
        Long total = jdbc.queryForObject("select count(*) from access_refusal", Long.class);
        return new Page(content, page, size, total == null ? 0 : total);
    }

    /** One refused request. */
    public record AccessRefusal(long id, Instant refusedAt, String principal, String actingUnit, String method,
                                String path, String recordType, String recordId) {
    }

    public record Page(List<AccessRefusal> content, int page, int size, long totalElements) {
    }
}
