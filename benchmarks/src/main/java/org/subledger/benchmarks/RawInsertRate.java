package org.subledger.benchmarks;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own limit for what the event store does: plain JDBC inserts, through the ledger's connection pool,
 * into a scratch copy of {@code domain_event_entry} (same columns, keys and indexes, its own sequence), with rows
 * copied from a real stored {@code ChargePosted} event, so payload and metadata have the real size. The insert is the
 * one Axon's JDBC event store issues.
 */
final class RawInsertRate {

    static final String TABLE = "bench_event_entry";
    private static final String INSERT = "insert into " + TABLE + " (event_identifier, aggregate_identifier,"
            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final LoadRunner runner;
    private final int accounts;
    private final AtomicLong sequence = new AtomicLong();
    private Map<String, Object> template;

    RawInsertRate(DataSource dataSource, LoadRunner runner, int accounts) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.runner = runner;
        this.accounts = accounts;
    }

    /** Creates the scratch table; returns the size in bytes of the template row's payload + metadata. */
    int createTable() {
        template = jdbc.queryForMap("select type, payload_type, payload_revision, payload, meta_data"
                + " from domain_event_entry order by (payload_type like '%ChargePosted') desc, global_index desc"
                + " limit 1");
        jdbc.execute("drop table if exists " + TABLE);
        jdbc.execute("create table " + TABLE + " (like domain_event_entry including all)");
        // its own sequence: 'including all' would share domain_event_entry's and punch gaps into the event stream
        jdbc.execute("create sequence " + TABLE + "_seq owned by " + TABLE + ".global_index");
        jdbc.execute("alter table " + TABLE + " alter column global_index set default nextval('" + TABLE + "_seq')");
        return ((String) template.get("payload")).length()
                + (template.get("meta_data") == null ? 0 : ((String) template.get("meta_data")).length());
    }

    void dropTable() {
        jdbc.execute("drop table if exists " + TABLE);
    }

    /** One row per transaction (autocommit): each insert waits for its own commit, as one command does. */
    LoadRunner.Result singleRows(int clients, Duration warmup, Duration window) throws InterruptedException {
        return runner.run("raw-1-row", clients, warmup, window, client -> {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            PreparedStatement insert = connection.prepareStatement(INSERT);
            return new LoadRunner.Client() {
                @Override
                public void call(long iteration) throws Exception {
                    bind(insert);
                    insert.executeUpdate();
                }

                @Override
                public void close() throws Exception {
                    insert.close();
                    connection.close();
                }
            };
        });
    }

    /** {@code rows} rows per transaction, sent as one JDBC batch; the result counts transactions. */
    LoadRunner.Result batches(int clients, int rows, Duration warmup, Duration window) throws InterruptedException {
        return runner.run("raw-" + rows + "-rows", clients, warmup, window, client -> {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            PreparedStatement insert = connection.prepareStatement(INSERT);
            return new LoadRunner.Client() {
                @Override
                public void call(long iteration) throws Exception {
                    for (int i = 0; i < rows; i++) {
                        bind(insert);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }

                @Override
                public void close() throws Exception {
                    connection.rollback();
                    insert.close();
                    connection.setAutoCommit(true);
                    connection.close();
                }
            };
        });
    }

    private void bind(PreparedStatement insert) throws Exception {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, String.format("RAW-%05d", ThreadLocalRandom.current().nextInt(accounts)));
        insert.setLong(3, sequence.incrementAndGet());
        insert.setString(4, (String) template.get("type"));
        insert.setString(5, Instant.now().toString());
        insert.setString(6, (String) template.get("payload_type"));
        insert.setString(7, (String) template.get("payload_revision"));
        insert.setString(8, (String) template.get("payload"));
        insert.setString(9, (String) template.get("meta_data"));
    }
}
