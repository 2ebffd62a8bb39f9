package org.subledger.benchmarks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.account.PostCharge;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.subledger.benchmarks.LedgerBenchmark.log;

/**
 * What a command costs on an account with a long history (issue 12: goal flat): accounts whose streams hold 100,
 * 10,000 and 100,000 events, each a real {@code ChargePosted} appended through Axon's storage engine as an import
 * would, then {@code PostCharge} commands one after another on each. The account cache is off
 * ({@code ledger.command.account-cache-size=0}), so every command loads its account: the first from the whole stream
 * (there is no snapshot yet; it takes one), every later one from the latest snapshot and the events after it.
 *
 * <p>Run by {@code benchmarks/account-history.sh}: {@code --bench.events=100,10000,100000} (stream lengths),
 * {@code --bench.commands=300} (measured commands per account, after 50 unmeasured); any other {@code --key=value}
 * goes to the ledger (e.g. {@code --ledger.snapshots.account-threshold=1000}).
 */
final class AccountHistoryBenchmark {

    private AccountHistoryBenchmark() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ledger.command.account-cache-size", "0");
        Map<String, String> settings = InProcessLedger.settings(args, properties);
        long[] lengths = Arrays.stream(settings.getOrDefault("events", "100,10000,100000").split(","))
                .mapToLong(value -> Long.parseLong(value.trim().replace("_", ""))).toArray();
        int commands = Integer.parseInt(settings.getOrDefault("commands", "300"));
        InProcessLedger.runAndExit("account-history", properties, (context, postgresDir, heap) -> {
            run(context, postgresDir, lengths, commands);
            return 0;
        });
    }

    private static void run(ConfigurableApplicationContext context, Path postgresDir, long[] lengths, int commands) {
        DataSource dataSource = context.getBean(DataSource.class);
        var jdbc = new JdbcTemplate(dataSource);
        var gateway = context.getBean(CommandGateway.class);
        var store = new EventTopUp(context.getBean(EventStorageEngine.class), jdbc);
        MachineInfo.describe(dataSource, context.getEnvironment(), postgresDir)
                .forEach((key, value) -> System.out.printf("%-26s %s%n", key + ":", value));
        System.out.println("account cache:             " + context.getEnvironment()
                .getProperty("ledger.command.account-cache-size") + " (every command loads its account)");
        System.out.println("snapshot threshold:        " + context.getEnvironment()
                .getProperty("ledger.snapshots.account-threshold", "100 (default)"));

        List<String> rows = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            String accountId = "HISTORY-" + i;
            gateway.sendAndWait(CommandThroughput.openAccount(accountId, i));
            log(String.format("appending %,d events to %s", lengths[i] - 1, accountId));
            store.extend(accountId, lengths[i]);
            long firstStart = System.nanoTime();
            charge(gateway, accountId, "first");
            double firstMillis = (System.nanoTime() - firstStart) / 1e6;
            for (int warm = 0; warm < 50; warm++) {
                charge(gateway, accountId, "warm-" + warm);
            }
            long[] nanos = new long[commands];
            long start = System.nanoTime();
            for (int n = 0; n < commands; n++) {
                long before = System.nanoTime();
                charge(gateway, accountId, "measured-" + n);
                nanos[n] = System.nanoTime() - before;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(nanos);
            rows.add(String.format("| %,d | %.1f ms | %.2f ms | %.2f ms | %,.0f |", lengths[i], firstMillis,
                    nanos[commands / 2] / 1e6, nanos[(int) (commands * 0.99)] / 1e6, commands / seconds));
            log(rows.get(rows.size() - 1));
        }
        System.out.println();
        System.out.println("| events in the account's stream | first command (no snapshot yet) | p50 | p99 |"
                + " commands/s (one sender) |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
    }

    private static void charge(CommandGateway gateway, String accountId, String postingId) {
        gateway.sendAndWait(new PostCharge(accountId, accountId + "-" + postingId, CommandThroughput.CHARGE,
                CommandThroughput.CURRENCY, "Monthly subscription", "INV-" + postingId));
    }
}
