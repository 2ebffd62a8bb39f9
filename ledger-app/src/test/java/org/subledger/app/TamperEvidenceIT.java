package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.platform.audit.VerifyCommand;
import org.subledger.platform.db.EmbeddedPostgresServer;

import javax.sql.DataSource;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tamper evidence on a ledger of its own (the test alters history, which no shared ledger should see): the event
 * table refuses changes from the ledger's role, the hash chain covers every event, and a kept digest verifies intact
 * until an event is changed or deleted behind the ledger's back, which verification then names, over HTTP and from
 * the command line.
 */
class TamperEvidenceIT {

    private static ConfigurableApplicationContext ledger;
    private static Api api;
    private static JdbcTemplate jdbc;
    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void start() {
        Path dataDir = Path.of("target", "it-postgres", "tamper-" + UUID.randomUUID());
        ledger = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.embedded-postgres.data-dir=" + dataDir, "--ledger.embedded-postgres.port=0",
                "--server.port=0", "--ledger.audit.chain.interval=100ms", "--ledger.audit.chain.gap-timeout=1s");
        api = RestartIT.api(ledger);
        jdbc = ledger.getBean(JdbcTemplate.class);
        postgres = ledger.getBean(EmbeddedPostgresServer.class);
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void theLedgersRoleCanNeitherChangeNorRemoveEventsNorLiftTheGuard() {
        String account = api.openAccount("Append", "Only", "100.00");
        List<String> refused = new ArrayList<>();
        for (String sql : List.of(
                "update domain_event_entry set payload = payload where aggregate_identifier = '" + account + "'",
                "delete from domain_event_entry where aggregate_identifier = '" + account + "'",
                "truncate domain_event_entry",
                "alter table domain_event_entry disable trigger domain_event_entry_append_only",
                "drop trigger domain_event_entry_append_only on domain_event_entry",
                "create or replace function ledger_refuse_event_change() returns trigger language plpgsql"
                        + " as $$ begin return new; end $$",
                "drop function ledger_refuse_event_change() cascade",
                "drop table domain_event_entry cascade")) {
            assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).rootCause()
                    .hasMessageMatching("(?s).*(permission denied|must be owner|refused).*");
            refused.add(sql);
        }
        assertThat(refused).hasSize(8);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, account)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'domain_event_entry'",
                String.class)).isEqualTo("ledger_maintenance");
    }

    @Test
    void evenTheSuperuserMeetsTheTriggerUnlessItSwitchesItOffOnPurpose() throws SQLException {
        String account = api.openAccount("Trigger", "Holds", "100.00");
        try (var superuser = superuser(); var statement = superuser.createStatement()) {
            assertThatThrownBy(() -> statement.execute(
                    "delete from domain_event_entry where aggregate_identifier = '" + account + "'"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void aKeptDigestVerifiesIntactUntilAnEventIsChangedAndAnotherDeleted() throws Exception {
        String account = api.openAccount("Tamper", "Target", "500.00");
        var charged = api.post("agent", "/api/accounts/" + account + "/charges", "{\"amount\": 12.00}");
        assertThat(charged.status()).as(charged.toString()).isBetween(200, 202);
        Await.until("the account's events chained", () -> jdbc.queryForObject(
                "select count(*) from domain_event_entry e where e.aggregate_identifier = ?"
                        + " and not exists (select 1 from audit_chain c where c.global_index = e.global_index)",
                Long.class, account), unchained -> unchained == 0);
        JsonNode digest = api.get("auditor", "/api/audit/digest").json();
        long position = digest.get("position").asLong();
        String hash = digest.get("hash").asText();
        assertThat(position).isPositive();
        assertThat(hash).hasSize(64);

        JsonNode intact = verify(position, hash);
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("findings")).isEmpty();
        assertThat(cli(position, hash)).startsWith("intact up to position " + position);

        String changed = eventId(account, 0);
        String deleted = eventId(account, 1);
        try (var superuser = superuser(); var statement = superuser.createStatement()) {
            // the documented maintenance path: only a superuser may switch the trigger off, for its session only
            statement.execute("set session_replication_role = replica");
            statement.execute("update domain_event_entry set payload = replace(payload, 'Tamper', 'Tampered')"
                    + " where event_identifier = '" + changed + "'");
            statement.execute("delete from domain_event_entry where event_identifier = '" + deleted + "'");
        }

        JsonNode tampered = verify(position, hash);
        assertThat(tampered.get("intact").asBoolean()).isFalse();
        // another test of this class may slip in an event (named EXTRA, after the chain's findings)
        List<String> inChain = new ArrayList<>();
        tampered.get("findings").forEach(finding -> {
            if (!finding.get("kind").asText().equals("EXTRA")) {
                inChain.add(finding.get("kind").asText() + " " + finding.get("eventIdentifier").asText());
            }
        });
        assertThat(inChain).containsExactly("CHANGED " + changed, "MISSING " + deleted);
        String printed = cli(position, hash);
        assertThat(printed).startsWith("not intact: CHANGED").contains("event " + changed)
                .contains("MISSING").contains("event=" + deleted);
    }

    /**
     * The chainer hashes the bytes the driver receives; an outsider reads the columns as text. Both must give the
     * published link: SHA-256 of the previous hash and the event's columns in canonical order, each text as a 4-byte
     * big-endian length and its UTF-8 bytes (-1 for null), each number as 8 bytes big-endian. Computed here from
     * scratch, for an event whose payload holds characters outside ASCII.
     */
    @Test
    void aStoredLinkIsThePublishedHashOfItsEventReadAsText() throws Exception {
        String account = openChainedAccount("Γεωργίου", "Zoë Ørsted");
        var sha256 = MessageDigest.getInstance("SHA-256");
        var link = jdbc.queryForMap("select c.position, c.hash from audit_chain c join domain_event_entry e"
                + " on e.global_index = c.global_index where e.aggregate_identifier = ?", account);
        long position = (Long) link.get("position");
        sha256.update(position == 1 ? new byte[32] : jdbc.queryForObject(
                "select hash from audit_chain where position = ?", byte[].class, position - 1));
        Map<String, Object> event = jdbc.queryForMap("""
                select global_index, event_identifier, aggregate_identifier, sequence_number, type, payload_type,
                    payload_revision, time_stamp, payload, meta_data
                from domain_event_entry where aggregate_identifier = ?""", account);
        assertThat((String) event.get("payload")).contains("Γεωργίου");
        var canonical = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(canonical)) {
            for (Object column : event.values()) {
                if (column instanceof Long number) {
                    out.writeLong(number);
                } else {
                    byte[] utf8 = column == null ? null : ((String) column).getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8 == null ? -1 : utf8.length);
                    out.write(utf8 == null ? new byte[0] : utf8);
                }
            }
        }
        sha256.update(canonical.toByteArray());
        assertThat(HexFormat.of().formatHex(sha256.digest()))
                .isEqualTo(HexFormat.of().formatHex((byte[]) link.get("hash")));
    }

    /**
     * An append that takes its global index first and commits last: the chain passes it as a gap (after the gap
     * timeout, 1 s here), chains it at the end once it commits, and a digest taken after that verifies intact.
     */
    @Test
    void anEventCommittedAfterTheChainPassedItsGapIsChainedLateAndVerifies() throws Exception {
        String template = api.openAccount("Late", "Template", "100.00");
        String late = UUID.randomUUID().toString();
        long lateIndex;
        try (Connection slow = ledger.getBean(DataSource.class).getConnection()) {
            slow.setAutoCommit(false);
            try (var statement = slow.prepareStatement("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    select ?, aggregate_identifier || '-late', 0, type, time_stamp, payload_type, payload_revision,
                        payload, meta_data from domain_event_entry where aggregate_identifier = ?
                    returning global_index""")) {
                statement.setString(1, late);
                statement.setString(2, template);
                try (var returned = statement.executeQuery()) {
                    assertThat(returned.next()).isTrue();
                    lateIndex = returned.getLong(1);
                }
            }
            String after = api.openAccount("After", "Gap", "100.00");
            Await.until("the chain past the open append, its index recorded as a gap", () -> jdbc.queryForObject(
                    "select count(*) from audit_chain_gap where global_index = ?", Long.class, lateIndex)
                    + jdbc.queryForObject("select count(*) from audit_chain c join domain_event_entry e"
                    + " on e.global_index = c.global_index where e.aggregate_identifier = ?", Long.class, after),
                    found -> found == 2);
            slow.commit();
        }
        Await.until("the late event chained", () -> jdbc.queryForObject(
                "select count(*) from audit_chain where global_index = ? and event_identifier = ?", Long.class,
                lateIndex, late), chained -> chained == 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_chain_gap where global_index = ?", Long.class,
                lateIndex)).isZero();
        JsonNode digest = api.get("auditor", "/api/audit/digest").json();
        assertThat(digest.get("position").asLong()).isGreaterThanOrEqualTo(jdbc.queryForObject(
                "select position from audit_chain where global_index = ?", Long.class, lateIndex));
        // each link is checked against its stored predecessor: other tests' tampering is named, not this event
        JsonNode verified = verify(digest.get("position").asLong(), digest.get("hash").asText());
        assertThat(verified.get("findings")).as(verified.toString()).noneSatisfy(finding ->
                assertThat(finding.path("eventIdentifier").asText()).isEqualTo(late));
    }

    @Test
    void anEventSlippedInBehindTheChainIsNamedAsExtra() throws Exception {
        String account = openChainedAccount("Extra", "Slipped");
        String slipped = UUID.randomUUID().toString();
        try (var superuser = superuser(); var statement = superuser.createStatement()) {
            // a global index the chainer has passed: below its watermark, in no gap
            statement.execute("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                        sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    select -1, '%s', aggregate_identifier || '-forged', 0, type, time_stamp, payload_type,
                        payload_revision, payload, meta_data from domain_event_entry where aggregate_identifier = '%s'
                    """.formatted(slipped, account));
        }
        JsonNode digest = api.get("auditor", "/api/audit/digest").json();
        JsonNode verified = verify(digest.get("position").asLong(), digest.get("hash").asText());
        assertThat(verified.get("intact").asBoolean()).isFalse();
        assertThat(verified.get("findings")).anySatisfy(finding -> {
            assertThat(finding.get("kind").asText()).isEqualTo("EXTRA");
            assertThat(finding.get("eventIdentifier").asText()).isEqualTo(slipped);
        });
    }

    @Test
    void aMalformedDigestIsRefusedAndOnlyAuditorsVerify() {
        var malformed = api.post("auditor", "/api/audit/verify", "{\"position\": -1, \"hash\": \"xyz\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("agent", "/api/audit/verify", "{\"position\": 0, \"hash\": \"%s\"}"
                .formatted("0".repeat(64))).status()).isEqualTo(403);
        assertThat(api.get("reporter", "/api/audit/digest").status()).isEqualTo(403);
        assertThat(cliExit("--digest=nonsense")).isEqualTo(2);
    }

    @Test
    void digestsAreLoggedToTheTableAndTheFile() throws Exception {
        JsonNode logged = Await.until("a digest in the log", () -> api.get("auditor", "/api/audit/digests").json(),
                digests -> digests.size() >= 1);
        assertThat(logged.get(0).get("hash").asText()).hasSize(64);
        Path file = postgres.cluster().dataDir().resolve("audit-digests.log");
        String line = Files.readAllLines(file).get(0);
        assertThat(line).matches("\\S+ \\d+:[0-9a-f]{64}");
    }

    private static JsonNode verify(long position, String hash) {
        var response = api.post("auditor", "/api/audit/verify",
                "{\"position\": %d, \"hash\": \"%s\"}".formatted(position, hash));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** A new account whose AccountOpened the chainer has linked. */
    private static String openChainedAccount(String firstName, String lastName) {
        String account = api.openAccount(firstName, lastName, "100.00");
        Await.until("the account chained", () -> jdbc.queryForObject("select count(*) from audit_chain c join"
                + " domain_event_entry e on e.global_index = c.global_index where e.aggregate_identifier = ?",
                Long.class, account), chained -> chained == 1);
        return account;
    }

    private static String eventId(String aggregate, long sequence) {
        return jdbc.queryForObject("select event_identifier from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = ?", String.class, aggregate, sequence);
    }

    /** The jar's {@code verify} mode, run in this JVM against the running ledger's PostgreSQL, read-only. */
    private static String cli(long position, String hash) {
        var out = new ByteArrayOutputStream();
        int status = VerifyCommand.run(cliArgs("--digest=" + position + ":" + hash),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isEqualTo(printed.startsWith("intact") ? 0 : 1);
        return printed;
    }

    private static int cliExit(String digest) {
        return VerifyCommand.run(cliArgs(digest), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    private static String[] cliArgs(String digest) {
        var cluster = postgres.cluster();
        var reporting = cluster.reportingRole();
        return new String[]{digest, "--spring.datasource.url=" + cluster.jdbcUrl(),
                "--spring.datasource.username=" + reporting.name(),
                "--spring.datasource.password=" + reporting.password()};
    }

    private static Connection superuser() throws SQLException {
        return postgres.cluster().connect(postgres.cluster().superuser());
    }
}
