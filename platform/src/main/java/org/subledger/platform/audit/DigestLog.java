package org.subledger.platform.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;

/**
 * The chain's current digest, and the digest log: a row in {@code audit_digest} and a line in a file
 * ({@code <time> <position>:<hash>}), written on a schedule for an operator to copy somewhere the ledger cannot
 * write. A digest proves everything chained up to its position: keep it elsewhere, verify against it later.
 */
public class DigestLog {

    private static final Logger log = LoggerFactory.getLogger(DigestLog.class);

    private final JdbcTemplate jdbc;
    private final AuditChainer chainer;
    private final Path file;
    private final Clock clock;

    public DigestLog(JdbcTemplate jdbc, AuditChainer chainer, Path file, Clock clock) {
        this.jdbc = jdbc;
        this.chainer = chainer;
        this.file = file;
        this.clock = clock;
    }

    public record Digest(long position, String hash, Instant time) {
        public String text() {
            return position + ":" + hash;
        }
    }

    /** The chain's head as it is now, after chaining what is final. */
    public Digest current() {
        chainer.chainAvailable();
        return jdbc.queryForObject("select position, hash from audit_chain_head where id = 1",
                (rows, n) -> new Digest(rows.getLong(1), ChainHash.hex(rows.getBytes(2)), clock.instant()));
    }

    /** Writes the current digest to the table and the file; answers it. */
    public Digest record() {
        var digest = current();
        jdbc.update("insert into audit_digest (position, hash, recorded_at) values (?, ?, ?)", digest.position(),
                digest.hash(), java.sql.Timestamp.from(digest.time()));
        if (file != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, digest.time() + " " + digest.text() + System.lineSeparator(),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                log.warn("Digest {} is in audit_digest but could not be appended to {}: {}", digest.text(), file,
                        e.toString());
            }
        }
        return digest;
    }

    public Path file() {
        return file;
    }
}
