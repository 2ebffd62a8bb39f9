package org.subledger.benchmarks;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.account.AccountPage;
import org.subledger.kernel.account.AccountStatus;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.FindAccount;
import org.subledger.kernel.account.ListAccounts;
import org.subledger.kernel.account.OpenAccount;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.account.PostCharge;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.subscription.query.InstalledItemRecord;
import org.subledger.kernel.subscription.query.ListAccountSubscriptions;
import org.subledger.kernel.subscription.query.ListSubscriptionInstalledItems;
import org.subledger.kernel.subscription.query.ListSubscriptionServices;
import org.subledger.kernel.subscription.query.SubscribedService;
import org.subledger.kernel.subscription.query.SubscriptionSummary;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the access filter costs (issue 11): the account list, the account list of a status and the customer overview
 * at N accounts (default 100,000, with as many subscriptions), each asked through the query bus exactly as the
 * controllers ask it, without a scope (today's query), as a super user (the filter is skipped), as an agent of one
 * unit and as an agent of three (collaborating) units; and charges through the command gateway without and with an
 * agent's scope on the command (the aggregate's check). Read models are seeded with SQL (11 units, one row in 12 of
 * no unit), then analysed. Run by {@code benchmarks/access-filter.sh}: {@code --bench.accounts=N},
 * {@code --bench.queries=N} (timed per case), {@code --bench.charges=N} (per run).
 */
final class AccessFilterBenchmark {

    static final List<String> UNITS = List.of("SALES", "CUSTOMER-SERVICE", "BILLING-FINANCE", "INVENTORY-WAREHOUSE",
            "MARKETING", "TECH-SUPPORT", "SYSADMIN", "BACK-OFFICE", "INSTALLER-FASTFIT", "INSTALLER-SKYMOUNT",
            "RETAILER-TELEPOINT");
    static final AccessScope SUPER_USER = new AccessScope("admin", "SYSADMIN", Set.of("SYSADMIN"), true, false,
            Set.of());
    static final AccessScope ONE_UNIT = new AccessScope("agent", "CUSTOMER-SERVICE", Set.of("CUSTOMER-SERVICE"),
            false, false, Set.of());
    static final AccessScope THREE_UNITS = new AccessScope("billing", "BILLING-FINANCE",
            Set.of("BILLING-FINANCE", "SALES", "CUSTOMER-SERVICE"), false, false, Set.of());

    private AccessFilterBenchmark() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> settings = InProcessLedger.settings(args, properties);
        int accounts = Integer.parseInt(settings.getOrDefault("accounts", "100000").replace("_", ""));
        int queries = Integer.parseInt(settings.getOrDefault("queries", "500").replace("_", ""));
        int charges = Integer.parseInt(settings.getOrDefault("charges", "2000").replace("_", ""));
        InProcessLedger.runAndExit("access-filter", properties, (context, postgresDir, heap) -> {
            run(context, accounts, queries, charges);
            return 0;
        });
    }

    private static void run(ConfigurableApplicationContext context, int accounts, int queries, int charges)
            throws Exception {
        var jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        var queryGateway = context.getBean(QueryGateway.class);
        var commands = context.getBean(CommandGateway.class);
        seed(jdbc, accounts);

        System.out.printf("%n%,d accounts and %,d subscriptions, %d timed queries per case (after %d warm-up)%n%n",
                accounts, accounts, queries, queries / 5);
        System.out.println("| query | no scope (today) | super user | agent of 1 unit | agent of 3 units |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (int page : List.of(0, 100)) {
            row("account list, page " + page + " of 50", queries, scope -> () -> queryGateway.query(
                    new ListAccounts(null, page, 50, scope), AccountPage.class).join());
        }
        row("accounts UNSETTLED, page 0 of 50", queries, scope -> () -> queryGateway.query(
                new ListAccounts(AccountStatus.UNSETTLED, 0, 50, scope), AccountPage.class).join());
        // an account of Customer Service, which every scope measured may read
        String account = accountId(2);
        row("customer overview", queries, scope -> () -> overview(queryGateway, account, scope));

        System.out.println();
        explain(jdbc);
        System.out.println();
        commandPath(commands, charges);
    }

    interface Query {
        Supplier<Object> as(AccessScope scope);
    }

    private static void row(String name, int n, Query query) {
        StringBuilder line = new StringBuilder("| " + name + " |");
        for (AccessScope scope : Arrays.asList(null, SUPER_USER, ONE_UNIT, THREE_UNITS)) {
            Supplier<Object> call = query.as(scope);
            time(call, n / 5);
            line.append(String.format(" %.2f ms |", time(call, n)));
        }
        System.out.println(line);
    }

    /** Mean milliseconds per call. */
    private static double time(Supplier<Object> call, int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            call.get();
        }
        return (System.nanoTime() - start) / 1e6 / Math.max(n, 1);
    }

    /** The overview's four queries, as CustomerOverviewController asks them. */
    private static Object overview(QueryGateway queries, String accountId, AccessScope scope) {
        var account = queries.query(new FindAccount(accountId), ResponseTypes.optionalInstanceOf(AccountSummary.class))
                .join().orElseThrow();
        if (scope != null && !scope.mayRead(account.owningUnit())) {
            throw new IllegalStateException("not readable");
        }
        var subscriptions = queries.query(new ListAccountSubscriptions(accountId, scope),
                ResponseTypes.multipleInstancesOf(SubscriptionSummary.class)).join();
        for (var subscription : subscriptions) {
            queries.query(new ListSubscriptionServices(subscription.subscriptionId()),
                    ResponseTypes.multipleInstancesOf(SubscribedService.class)).join();
            queries.query(new ListSubscriptionInstalledItems(subscription.subscriptionId()),
                    ResponseTypes.multipleInstancesOf(InstalledItemRecord.class)).join();
        }
        return subscriptions;
    }

    private static void commandPath(CommandGateway commands, int charges) {
        int accounts = 100;
        for (int i = 0; i < accounts; i++) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new OpenAccount("CMD-" + i,
                    CustomerType.PERSON, new PersonDetails("Bench", "Customer " + i, null), null,
                    new ContactDetails(null, null, "Nicosia"), Currency.getInstance("EUR"),
                    new BigDecimal("1000000.00"), null, null, "bench")).andMetaData(as(ONE_UNIT)));
        }
        System.out.println("| charges through the command gateway, 1 thread | run 1 | run 2 | run 3 | run 4 |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        Map<String, StringBuilder> lines = new LinkedHashMap<>();
        lines.put("no scope on the command (the ledger's own)", new StringBuilder());
        lines.put("an agent's scope (check in the aggregate)", new StringBuilder());
        charge(commands, accounts, charges / 4, null);
        charge(commands, accounts, charges / 4, ONE_UNIT);
        // the order alternates: whichever runs second in a pair finds the projections less behind and the JIT warmer
        for (int run = 0; run < 4; run++) {
            for (boolean scoped : run % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                lines.get(scoped ? "an agent's scope (check in the aggregate)"
                                : "no scope on the command (the ledger's own)")
                        .append(String.format(" %,.0f/s |", charge(commands, accounts, charges, scoped ? ONE_UNIT
                                : null)));
            }
        }
        lines.forEach((name, line) -> System.out.println("| " + name + " |" + line));
    }

    /** Charges per second. */
    private static double charge(CommandGateway commands, int accounts, int n, AccessScope scope) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            var command = GenericCommandMessage.asCommandMessage(new PostCharge("CMD-" + (i % accounts),
                    UUID.randomUUID().toString(), BigDecimal.ONE, null, "bench", null));
            commands.sendAndWait(scope == null ? command : command.andMetaData(as(scope)));
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static Map<String, Object> as(AccessScope scope) {
        return MetaData.with(LedgerMetadata.PRINCIPAL, scope.principal()).and(LedgerMetadata.ACCESS_SCOPE, scope);
    }

    private static String accountId(int i) {
        return String.format("ACC-%07d", i);
    }

    /** The plans PostgreSQL chose for the filtered list and its count: where the time goes. */
    private static void explain(JdbcTemplate jdbc) {
        String three = "array['CUSTOMER-SERVICE','SALES','BILLING-FINANCE']";
        String visible = "(owning_unit = any(" + three + ") or owning_unit is null)";
        for (String sql : List.of(
                "select account_id from account_summary order by opened_at, account_id limit 50",
                "select count(*) from account_summary",
                "select account_id from account_summary where " + visible
                        + " order by opened_at, account_id limit 50",
                "select account_id from account_summary where " + visible
                        + " order by opened_at, account_id limit 50 offset 5000",
                "select account_id from ((select account_id, opened_at from account_summary"
                        + " where owning_unit = 'CUSTOMER-SERVICE' order by opened_at, account_id limit 5050)"
                        + " union all (select account_id, opened_at from account_summary where owning_unit is null"
                        + " order by opened_at, account_id limit 5050)) visible"
                        + " order by opened_at, account_id limit 50 offset 5000",
                "select count(*) from account_summary where " + visible,
                "select (select count(*) from account_summary where owning_unit = any(" + three + "))"
                        + " + (select count(*) from account_summary where owning_unit is null)")) {
            System.out.println("    " + sql);
            jdbc.queryForList("explain (analyze, costs off, timing on) " + sql, String.class)
                    .forEach(line -> System.out.println("      " + line));
        }
    }

    /** Unit {@code i % 12}: one of the 11 units, or none (0). */
    private static void seed(JdbcTemplate jdbc, int n) {
        String units = "array[" + String.join(",", UNITS.stream().map(u -> "'" + u + "'").toList()) + "]";
        jdbc.update("""
                insert into account_summary (account_id, customer_type, name, currency, credit_limit, balance,
                                             status, closed, opened_by, opened_at, version, owning_unit)
                select 'ACC-' || lpad(i::text, 7, '0'), 'PERSON', 'Customer ' || i, 'EUR', 100,
                       case when i % 3 = 0 then 10 else 0 end,
                       case when i % 3 = 0 then 'UNSETTLED' else 'SETTLED' end, false, 'bench',
                       timestamptz '2026-01-01' + i * interval '1 second', 0,
                       case when i % 12 = 0 then null else (UNITS)[i % 12] end
                from generate_series(1, ?) i""".replace("UNITS", units), n);
        jdbc.update("""
                insert into subscription_summary (subscription_id, account_id, subscription_type_code, state,
                                                  billing_term_scheme, created_on, version, owning_unit)
                select 'SUB-' || lpad(i::text, 7, '0'), 'ACC-' || lpad(i::text, 7, '0'), 'GOLD', 'EFFECTIVE',
                       'RESIDENTIAL', date '2026-01-01', 0,
                       case when i % 12 = 0 then null else (UNITS)[i % 12] end
                from generate_series(1, ?) i""".replace("UNITS", units), n);
        // as autovacuum leaves a table at rest: statistics, and the visibility map index-only scans rely on
        jdbc.execute("vacuum analyze account_summary");
        jdbc.execute("vacuum analyze subscription_summary");
    }
}
