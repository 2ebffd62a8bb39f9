package org.subledger.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run does. Each setting is read from {@code --bench.NAME=VALUE} on the command line, else from the
 * system property {@code bench.NAME}, else its default. Any other {@code --key=value} argument is handed to the
 * ledger as a Spring property (e.g. {@code --ledger.command.account-cache-size=0} to measure without the cache).
 *
 * @param accounts            accounts opened before the command runs
 * @param clients             concurrent clients of the PostCharge runs, one run each
 * @param clientsWithProjections client counts run again with the projections running in the same process
 * @param warmup              warm-up before every measured run (not counted)
 * @param duration            measured time of every command run
 * @param rawClients          clients of the raw single-row-per-transaction insert runs
 * @param rawBatchClients     clients of the raw 100-rows-per-transaction insert runs
 * @param rawDuration         measured time of every raw insert run
 * @param batchRows           rows per transaction in the batched raw insert runs
 * @param replayEvents        events the store must hold before the replay (topped up with appended charges)
 * @param replayProcessors    the processors replayed, one by one and then together; empty: every projection
 * @param replayTimeout       give up waiting for a processor after this long
 * @param eventFetchSize      experiment: events the event store fetches per query (0: leave the ledger's own)
 * @param ledgerProperties    Spring properties passed to the ledger
 */
record BenchmarkSettings(int accounts,
                         List<Integer> clients,
                         List<Integer> clientsWithProjections,
                         Duration warmup,
                         Duration duration,
                         List<Integer> rawClients,
                         List<Integer> rawBatchClients,
                         Duration rawDuration,
                         int batchRows,
                         long replayEvents,
                         List<String> replayProcessors,
                         Duration replayTimeout,
                         int eventFetchSize,
                         Map<String, String> ledgerProperties) {

    static BenchmarkSettings from(String[] args) {
        Map<String, String> ledger = new LinkedHashMap<>();
        Map<String, String> given = InProcessLedger.settings(args, ledger);
        var reader = new Reader(given);
        return new BenchmarkSettings(
                reader.integer("accounts", 10_000),
                reader.integers("clients", "1,4,16,64"),
                reader.integers("clients-with-projections", "16"),
                reader.duration("warmup", "3s"),
                reader.duration("duration", "10s"),
                reader.integers("raw-clients", "1,16"),
                reader.integers("raw-batch-clients", "1,4"),
                reader.duration("raw-duration", "10s"),
                reader.integer("batch-rows", 100),
                reader.integer("replay-events", 200_000),
                reader.names("replay-processors", "account-statement,account-summary"),
                reader.duration("replay-timeout", "10m"),
                reader.integer("experiment-event-fetch-size", 0),
                Map.copyOf(ledger));
    }

    /** Looks a setting up on the command line, then in the system properties. */
    private record Reader(Map<String, String> given) {

        String text(String name, String fallback) {
            return given.getOrDefault(name, System.getProperty("bench." + name, fallback));
        }

        int integer(String name, int fallback) {
            return Integer.parseInt(text(name, Integer.toString(fallback)).replace("_", ""));
        }

        List<Integer> integers(String name, String fallback) {
            String value = text(name, fallback).trim();
            if (value.isEmpty() || value.equals("none")) {
                return List.of();
            }
            return Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
        }

        /** Comma-separated names; {@code all} gives the empty list. */
        List<String> names(String name, String fallback) {
            String value = text(name, fallback).trim();
            if (value.isEmpty() || value.equals("all")) {
                return List.of();
            }
            return Arrays.stream(value.split(",")).map(String::trim).toList();
        }

        /** {@code 10s}, {@code 500ms}, {@code 2m}, or an ISO-8601 duration. */
        Duration duration(String name, String fallback) {
            String value = text(name, fallback).trim().toLowerCase();
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            }
            if (value.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
            }
            return Duration.parse(value.toUpperCase());
        }
    }
}
