package org.subledger.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Opening subscriptions in bulk over real HTTP against a ledger started as its own process (the jar, by
 * {@code benchmarks/http-open.sh}), and the provisioning that follows: each subscription (sample catalog, GOLD with
 * PPV-MOVIES on one NAGRA distributor) makes two provisioning requests, each with a time-out deadline in db-scheduler's
 * {@code scheduled_tasks} that its acknowledgement cancels. A round opens {@code N} subscriptions (an account and a
 * subscription each, {@code openers} clients at once), then waits until every provisioning request is answered: the
 * db-scheduler queue ({@code ledger.scheduler.tasks}, due + waiting, from {@code /actuator/metrics}) is back to what it
 * was before the round. Reports per round: the time to open, the time until provisioning caught up, and the CPU the
 * ledger JVM and PostgreSQL spent over the whole round (from /proc, so a loaded machine changes the times more than the
 * CPU), per subscription.
 *
 * <p>Settings ({@code --bench.NAME=VALUE}): {@code url} (required), {@code ledger-pid}, {@code postgres-data-dir},
 * {@code subscriptions} (rounds, one after another on the same ledger: 2000,10000), {@code openers} (4),
 * {@code drain-timeout} (60m: a round whose provisioning has not caught up by then is reported as such).
 */
final class HttpOpenBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT = HttpChargeBenchmark.basic("agent", "demo");
    private static final String ADMIN = HttpChargeBenchmark.basic("admin", "demo");

    private final String url;
    private final long ledgerPid;
    private final Path postgresDataDir;
    private final int openers;
    private final Duration drainTimeout;
    private int opened;

    private HttpOpenBenchmark(Map<String, String> settings) {
        this.url = HttpBenchmarkOptions.required(settings, "url");
        this.ledgerPid = Long.parseLong(settings.getOrDefault("ledger-pid", "-1"));
        String dataDir = settings.get("postgres-data-dir");
        this.postgresDataDir = dataDir == null ? null : Path.of(dataDir);
        this.openers = Integer.parseInt(settings.getOrDefault("openers", "4"));
        this.drainTimeout = Duration.parse("PT" + settings.getOrDefault("drain-timeout", "60m"));
    }

    static void main(String[] args) throws Exception {
        Map<String, String> settings = HttpBenchmarkOptions.parse(args);
        var benchmark = new HttpOpenBenchmark(settings);
        List<Integer> rounds = java.util.Arrays.stream(settings.getOrDefault("subscriptions", "2000,10000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        benchmark.send(HttpChargeBenchmark.client(), "/api/catalog/sample", ADMIN, "{}");
        List<String> rows = new ArrayList<>();
        for (int count : rounds) {
            rows.add(benchmark.round(count));
        }
        System.out.println();
        System.out.println("| subscriptions | opened in | provisioning caught up after | subscriptions/s opened | "
                + "ledger JVM CPU | PostgreSQL CPU | ledger CPU per subscription | PostgreSQL CPU per subscription |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private String round(int count) throws Exception {
        double baseline = queued();
        var sampler = postgresDataDir == null ? null : ResourceSampler.withoutDatabase(postgresDataDir);
        var before = sampler == null ? null : sampler.snapshot();
        long ledgerBefore = HttpChargeBenchmark.cpuTicks(ledgerPid);
        long start = System.nanoTime();
        openAll(count);
        double openSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%,d subscriptions opened in %.1f s (%,.1f/s); db-scheduler queue %.0f (before: %.0f)%n",
                count, openSeconds, count / openSeconds, queued(), baseline);
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        double queued = queued();
        long lastReport = System.nanoTime();
        while (queued > baseline && System.nanoTime() < deadline) {
            Thread.sleep(1000); // polls the ledger's own gauge (refreshed at most once a second)
            queued = queued();
            if (System.nanoTime() - lastReport > 30e9) {
                System.out.printf("  %.0f s: %.0f provisioning deadlines still pending%n",
                        (System.nanoTime() - start) / 1e9, queued - baseline);
                lastReport = System.nanoTime();
            }
        }
        boolean caughtUp = queued <= baseline;
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        long ledgerTicks = HttpChargeBenchmark.cpuTicks(ledgerPid) - ledgerBefore;
        double ledgerCpu = ledgerTicks < 0 ? Double.NaN : ledgerTicks / 100.0;
        double postgresCpu = Double.NaN;
        if (sampler != null) {
            var usage = ResourceSampler.between(before, sampler.snapshot());
            postgresCpu = usage.postgresCores() * usage.seconds();
        }
        System.out.printf("%,d subscriptions: provisioning %s after %.1f s; CPU ledger JVM %.1f s, PostgreSQL %.1f s%n",
                count, caughtUp ? "caught up" : "NOT caught up (" + (queued - baseline) + " pending)", totalSeconds,
                ledgerCpu, postgresCpu);
        return String.format("| %,d | %.1f s | %s | %,.1f | %.1f s | %.1f s | %.1f ms | %.1f ms |", count, openSeconds,
                caughtUp ? String.format("%.1f s", totalSeconds)
                        : String.format("not after %.0f s (%.0f pending)", totalSeconds, queued - baseline),
                count / openSeconds, ledgerCpu, postgresCpu, ledgerCpu * 1000 / count, postgresCpu * 1000 / count);
    }

    private void openAll(int count) throws Exception {
        int first = opened;
        opened += count;
        ExecutorService pool = Executors.newFixedThreadPool(openers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int opener = 0; opener < openers; opener++) {
                int offset = opener;
                running.add(pool.submit(() -> {
                    var client = HttpChargeBenchmark.client();
                    for (int i = offset; i < count; i += openers) {
                        open(client, first + i);
                    }
                    return null;
                }));
            }
            for (var opener : running) {
                opener.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void open(HttpClient http, int i) throws Exception {
        String account = JSON.readTree(send(http, "/api/accounts", AGENT, """
                {"type":"PERSON","firstName":"Bulk","lastName":"Subscriber %d","currency":"EUR",\
                "creditLimit":1000000}""".formatted(i)))
                .get("accountId").asText();
        send(http, "/api/subscriptions", AGENT, """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"CORPORATE","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]},
                             {"productCode":"PPV-MOVIES","distributorIds":["STB-1"]}]}""".formatted(account));
    }

    /** db-scheduler's queue, due and waiting (not picked), as the ledger's gauges report it. */
    private double queued() throws Exception {
        var http = HttpChargeBenchmark.client();
        double total = 0;
        for (String state : List.of("due", "waiting")) {
            var request = HttpRequest.newBuilder(URI.create(url
                            + "/actuator/metrics/ledger.scheduler.tasks?tag=state:" + state))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", ADMIN).GET().build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("metrics answered " + response.statusCode() + " " + response.body());
            }
            total += JSON.readTree(response.body()).get("measurements").get(0).get("value").asDouble();
        }
        return total;
    }

    private String send(HttpClient http, String path, String authorization, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }
}
