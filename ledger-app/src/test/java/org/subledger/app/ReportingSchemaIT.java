package org.subledger.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.subledger.platform.db.DatabaseRole;
import org.subledger.platform.db.EmbeddedPostgresServer;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reporting schema as a BI tool meets it: the queries of docs/reporting.md, run as {@code ledger_reporting}
 * against a ledger of its own that ran the demo (five customers billed), and that role refused everything else.
 */
class ReportingSchemaIT {

    private static final Pattern QUERY = Pattern.compile("```sql\\n-- query: (\\S+)\\n(.*?)```", Pattern.DOTALL);

    private static ConfigurableApplicationContext ledger;
    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startAndRunTheDemo() {
        Path dataDir = Path.of("target", "it-postgres", "reporting-" + UUID.randomUUID());
        ledger = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.embedded-postgres.data-dir=" + dataDir, "--ledger.embedded-postgres.port=0",
                "--server.port=0", "--ledger.embedded-postgres.reporting-password=finance-reads-only");
        postgres = ledger.getBean(EmbeddedPostgresServer.class);
        var api = RestartIT.api(ledger);
        var demo = api.post("admin", "/api/demo", "{}");
        assertThat(demo.status()).as(demo.toString()).isEqualTo(200);
        String run = demo.json().get("billRun").asText();
        Await.until("the demo's bill run", () -> api.get("reporter", run).json().path("status").asText(),
                "COMPLETED"::equals);
        Await.until("the demo's bills and balances in the read models", () -> {
            try (var reporting = reporting(); var rows = reporting.createStatement().executeQuery(
                    "select (select count(*) from reporting.bills),"
                            + " (select count(*) from reporting.accounts where balance > 0)")) {
                rows.next();
                return rows.getLong(1) >= 5 && rows.getLong(2) >= 5;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, ready -> ready);
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void theQueriesFinanceAsksFirstAnswerFromTheDemo() throws Exception {
        Map<String, String> queries = documentedQueries();
        assertThat(queries).containsOnlyKeys("mrr-by-product", "new-and-churned", "aged-receivables",
                "revenue-per-price-plan");
        try (var reporting = reporting()) {
            var mrr = rows(reporting, queries.get("mrr-by-product"));
            assertThat(mrr).isNotEmpty().allSatisfy(row -> assertThat(row.get("product_code")).isNotNull());
            assertThat(mrr.stream().map(row -> (BigDecimal) row.get("mrr")).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isPositive();

            var movements = rows(reporting, queries.get("new-and-churned"));
            assertThat(movements.stream().mapToLong(row -> ((Number) row.get("new_subscriptions")).longValue()).sum())
                    .isGreaterThanOrEqualTo(5);

            // balances (account summary) and statement lines (account statement) are two projections: the demo's
            // last postings (its job's bill) may reach one a moment before the other, so wait until they agree
            Await.until("the aged receivables to account for every balance", () -> {
                try {
                    BigDecimal owedNow = single(reporting,
                            "select sum(balance) from reporting.accounts where balance > 0");
                    BigDecimal agedNow = rows(reporting, queries.get("aged-receivables")).stream()
                            .map(row -> (BigDecimal) row.get("total")).reduce(BigDecimal.ZERO, BigDecimal::add);
                    return owedNow.compareTo(agedNow) == 0;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, agree -> agree);
            var aged = rows(reporting, queries.get("aged-receivables"));
            assertThat(aged).extracting(row -> row.get("currency")).contains("EUR");
            BigDecimal owed = single(reporting, "select sum(balance) from reporting.accounts where balance > 0");
            BigDecimal agedTotal = aged.stream().map(row -> (BigDecimal) row.get("total"))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(agedTotal).as("every owed amount falls in a bucket").isEqualByComparingTo(owed);
            BigDecimal buckets = aged.stream().map(row -> ((BigDecimal) row.get("days_0_30"))
                    .add((BigDecimal) row.get("days_31_60")).add((BigDecimal) row.get("days_61_90"))
                    .add((BigDecimal) row.get("days_over_90"))).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(buckets).isEqualByComparingTo(owed);

            var revenue = rows(reporting, queries.get("revenue-per-price-plan"));
            BigDecimal billed = single(reporting, "select sum(total) from reporting.bills");
            assertThat(revenue.stream().map(row -> (BigDecimal) row.get("revenue"))
                    .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(billed).isPositive();
        }
    }

    @Test
    void everyViewAndColumnIsDocumentedAndReadable() throws Exception {
        try (var reporting = reporting()) {
            var views = rows(reporting, "select c.relname, obj_description(c.oid) as comment from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'reporting' and c.relkind = 'v'");
            assertThat(views).hasSizeGreaterThanOrEqualTo(14).allSatisfy(view ->
                    assertThat(view.get("comment")).as(view.get("relname").toString()).isNotNull());
            assertThat(rows(reporting, "select c.relname, a.attname from pg_attribute a join pg_class c"
                    + " on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'reporting' and a.attnum > 0 and not a.attisdropped"
                    + " and col_description(c.oid, a.attnum) is null")).as("columns without a comment").isEmpty();
            for (var view : views) {
                rows(reporting, "select * from reporting." + view.get("relname") + " limit 1");
            }
        }
    }

    @Test
    void theRoleIsRefusedTheEventStoreTheTablesAndEveryWrite() throws Exception {
        try (var reporting = reporting(); var statement = reporting.createStatement()) {
            for (String sql : List.of("select count(*) from domain_event_entry", "select * from token_entry",
                    "select * from saga_entry", "select * from dead_letter_entry", "select * from account_summary",
                    "select * from audit_chain", "insert into reporting.payments (account_id) values ('x')",
                    "delete from reporting.accounts", "update reporting.bills set total = 0",
                    "create table reporting.mine (id int)", "create table public.mine (id int)",
                    "create view reporting.mine as select 1")) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
        assertThat(Files.readString(DatabaseRole.file(postgres.cluster().dataDir(), DatabaseRole.REPORTING_VIEWS)))
                .as("the configured password is the one kept").contains(":finance-reads-only");
    }

    private static Map<String, String> documentedQueries() throws Exception {
        String document = Files.readString(Path.of("..", "docs", "reporting.md"));
        Map<String, String> queries = new LinkedHashMap<>();
        var matcher = QUERY.matcher(document);
        while (matcher.find()) {
            queries.put(matcher.group(1), matcher.group(2));
        }
        return queries;
    }

    private static Connection reporting() throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", DatabaseRole.REPORTING_VIEWS);
        properties.setProperty("password", "finance-reads-only");
        return DriverManager.getConnection(postgres.cluster().jdbcUrl(), properties);
    }

    private static List<Map<String, Object>> rows(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            var meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnLabel(column), result.getObject(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static BigDecimal single(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getBigDecimal(1);
        }
    }
}
