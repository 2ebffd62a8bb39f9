package org.subledger.benchmarks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.OpenAccount;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.account.PostCharge;
import org.subledger.kernel.account.RecordPayment;
import org.subledger.platform.audit.AuditChainer;
import org.subledger.platform.audit.DigestLog;

import javax.sql.DataSource;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.subledger.benchmarks.LedgerBenchmark.log;

/**
 * Fills an event store with {@code --bench.events} events fast, has the ledger's own chainer chain them (timed), and
 * prints the digest for {@code benchmarks/verify-speed.sh}, which then times {@code java -jar ledger-app.jar verify}
 * against it on the same data directory (kept: {@code --bench.data-dir}).
 *
 * <p>The events are real ones multiplied: {@code --bench.accounts} accounts are opened, charged and paid through the
 * command gateway (so payloads and metadata are exactly what the command side writes), then each account's stream is
 * copied again and again under a new account id (the id replaced in payload and metadata, a fresh event identifier,
 * the same sequence numbers), written with PostgreSQL's {@code COPY} in chunks, one transaction each. Every event
 * processor is shut down first: the copies are for the chain, not for 1,000,000 events of projection work.
 */
final class VerifySpeedBenchmark {

    private static final int CHUNK = 50_000;

    private VerifySpeedBenchmark() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> settings = InProcessLedger.settings(args, properties);
        long events = Long.parseLong(settings.getOrDefault("events", "1000000").replace("_", ""));
        int accounts = Integer.parseInt(settings.getOrDefault("accounts", "50"));
        int perAccount = Integer.parseInt(settings.getOrDefault("postings", "20"));
        Path dataDir = Path.of(settings.getOrDefault("data-dir", "benchmarks/target/verify-speed"));
        InProcessLedger.runAndExit("verify-speed", properties, dataDir, (context, postgresDir, heap) -> {
            run(context, events, accounts, perAccount);
            return 0;
        });
    }

    private static void run(ConfigurableApplicationContext context, long target, int accounts, int perAccount)
            throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        var jdbc = new JdbcTemplate(dataSource);
        var chainer = context.getBean(AuditChainer.class);
        chainer.stop(); // chained below, timed, in one go
        var commands = context.getBean(CommandGateway.class);
        Currency eur = Currency.getInstance("EUR");
        for (int a = 0; a < accounts; a++) {
            String id = "VFY-" + a;
            commands.sendAndWait(new OpenAccount(id, CustomerType.PERSON,
                    new PersonDetails("Verify", "Customer " + a, "ID-" + a), null,
                    new ContactDetails("v" + a + "@example.com", "+357 22 000" + a, "1 Verify St, Nicosia"), eur,
                    new BigDecimal("100000.00"), null, null, "benchmark"));
            for (int p = 0; p < perAccount; p++) {
                if (p % 4 == 3) {
                    commands.sendAndWait(new RecordPayment(id, UUID.randomUUID().toString(), new BigDecimal("30.00"),
                            eur, "Payment by card", "CARD-" + p));
                } else {
                    commands.sendAndWait(new PostCharge(id, UUID.randomUUID().toString(), new BigDecimal("19.99"),
                            null, "Monthly subscription", "INV-" + a + "-" + p));
                }
            }
        }
        var axon = context.getBean(Configuration.class);
        axon.eventProcessingConfiguration().eventProcessors().values().forEach(processor -> processor.shutDown());
        log("event processors shut down; " + jdbc.queryForObject("select count(*) from domain_event_entry",
                Long.class) + " real events recorded through the command gateway");

        List<List<Map<String, Object>>> streams = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            streams.add(jdbc.queryForList("select aggregate_identifier, sequence_number, type, payload_type,"
                    + " payload_revision, payload, meta_data from domain_event_entry where aggregate_identifier = ?"
                    + " order by sequence_number", "VFY-" + a));
        }
        long missing = target - jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        long fillStart = System.nanoTime();
        long written = 0;
        long copy = 0;
        var csv = new StringBuilder(CHUNK * 1_200);
        int rows = 0;
        while (written < missing) {
            var stream = streams.get((int) (copy % streams.size()));
            String original = (String) stream.get(0).get("aggregate_identifier");
            String id = "VFC-" + copy++;
            String timeStamp = Instant.now().toString();
            for (var event : stream) {
                if (written == missing) {
                    break;
                }
                field(csv, UUID.randomUUID().toString()).append(',');
                field(csv, id).append(',');
                csv.append(event.get("sequence_number")).append(',');
                field(csv, (String) event.get("type")).append(',');
                field(csv, timeStamp).append(',');
                field(csv, (String) event.get("payload_type")).append(',');
                field(csv, (String) event.get("payload_revision")).append(',');
                field(csv, ((String) event.get("payload")).replace(original, id)).append(',');
                String metaData = (String) event.get("meta_data");
                field(csv, metaData == null ? null : metaData.replace(original, id)).append('\n');
                written++;
                rows++;
            }
            if (rows >= CHUNK || written == missing) {
                copy(dataSource, csv);
                csv.setLength(0);
                rows = 0;
            }
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        log(String.format("filled: %,d copied events (%,d account streams) in %.1f s = %,.0f events/s | %s", written,
                copy, fillSeconds, written / fillSeconds, MachineLoad.now()));
        jdbc.execute("analyze domain_event_entry");

        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long chainCpu = threads.getCurrentThreadCpuTime();
        long chainStart = System.nanoTime();
        int chained = chainer.chainAvailable(); // in this thread: its CPU time is the chainer's (PostgreSQL apart)
        double chainSeconds = (System.nanoTime() - chainStart) / 1e9;
        double chainCpuSeconds = (threads.getCurrentThreadCpuTime() - chainCpu) / 1e9;
        var digest = context.getBean(DigestLog.class).current();
        log(String.format("chained: %,d events in %.1f s = %,.0f events/s (batch size %s) | %s", chained,
                chainSeconds, chained / chainSeconds,
                context.getEnvironment().getProperty("ledger.audit.chain.batch-size", "2000 (default)"),
                MachineLoad.now()));
        jdbc.execute("analyze audit_chain");
        System.out.printf("CHAINED events=%d seconds=%.1f rate=%.0f cpu=%.1f%n", chained, chainSeconds,
                chained / chainSeconds, chainCpuSeconds);
        System.out.println("DIGEST " + digest.text());
    }

    /** A CSV field: quoted, quotes doubled; null as nothing at all (COPY's CSV null). */
    private static StringBuilder field(StringBuilder csv, String value) {
        if (value == null) {
            return csv;
        }
        csv.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        return csv.append('"');
    }

    private static void copy(DataSource dataSource, StringBuilder csv) throws Exception {
        try (var connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy domain_event_entry (event_identifier,"
                        + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision,"
                        + " payload, meta_data) from stdin (format csv)", new StringReader(csv.toString()));
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
