package org.subledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code POST /api/usage/batches} over real HTTP against a ledger started as its own process (the jar, by
 * {@code benchmarks/http-usage.sh}): mediation clients each sending batches of usage detail records spread at random
 * over a set of subscriptions (sample catalog, GOLD with PPV-MOVIES, Braveheart at 21:30 or 02:15 so both time-of-day
 * rates are used), every record id new. Closed-loop clients on keep-alive HTTP/1.1 connections; one run per client
 * count. A batch with a refused record or a non-2xx answer counts as an error. The client runs on the same machine and
 * takes its share of the cores; its CPU is reported apart.
 *
 * <p>Settings ({@code --bench.NAME=VALUE}): {@code url} (required), {@code ledger-pid}, {@code postgres-data-dir},
 * {@code clients} (1,4,8), {@code subscriptions} (100), {@code batch} (1000 records), {@code scheme} (CORPORATE: usage
 * waits for the bill run; RESIDENTIAL bills usage early every 20 records or 50.00; PREPAID as it comes; or a mix in
 * turn, such as {@code CORPORATE:8,RESIDENTIAL:1,PREPAID:1}, whose early-billed subscriptions are checked after the
 * runs), {@code jit-warmup} (15s, once, not
 * counted), {@code warmup} (3s, before each run), {@code duration} (10s), {@code request-timeout} (60s: a batch
 * answered later counts as an error), {@code preload} (0: records stored before the runs, in batches of
 * {@code batch}, record {@code k} on subscription {@code k mod subscriptions}, so every subscription holds
 * {@code preload / subscriptions} unbilled records when the runs start; how long it took is printed),
 * {@code preload-clients} (2: batches take turns in the ledger, so two keep it busy; more only queue, and on a loaded
 * machine a queued batch may pass the request timeout), {@code quiet-timeout} (20m: how long to wait for the ledger to
 * be idle after the preparation and the preload, after the JIT warm-up and after each run).
 *
 * <p>Issue 17's history modes: after 1 million stored records, {@code --bench.subscriptions=10000
 * --bench.preload=1000000}; on subscriptions that already hold 10,000 records each, {@code --bench.subscriptions=100
 * --bench.preload=1000000}.
 */
final class HttpUsageBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final long ledgerPid;
    private final int batch;
    private final Duration warmup;
    private final Duration duration;
    private final Duration jitWarmup;
    private final Duration requestTimeout;
    private final Duration quietTimeout;
    private final LoadRunner runner;
    private final List<String> subscriptions = new ArrayList<>();
    private final String scheme;
    /** The schemes of the subscriptions, in turn: subscription i has {@code schemes[i mod size]}. */
    private final List<String> schemes;
    private final String runTag = UUID.randomUUID().toString().substring(0, 8);
    private String apiKey;

    private HttpUsageBenchmark(Map<String, String> settings) {
        this.url = HttpBenchmarkOptions.required(settings, "url");
        this.ledgerPid = Long.parseLong(settings.getOrDefault("ledger-pid", "-1"));
        this.scheme = settings.getOrDefault("scheme", "CORPORATE");
        this.schemes = schemes(scheme);
        this.batch = Integer.parseInt(settings.getOrDefault("batch", "1000"));
        this.warmup = Duration.parse("PT" + settings.getOrDefault("warmup", "3s"));
        this.duration = Duration.parse("PT" + settings.getOrDefault("duration", "10s"));
        this.jitWarmup = Duration.parse("PT" + settings.getOrDefault("jit-warmup", "15s"));
        this.requestTimeout = Duration.parse("PT" + settings.getOrDefault("request-timeout", "60s"));
        this.quietTimeout = Duration.parse("PT" + settings.getOrDefault("quiet-timeout", "20m"));
        this.runner = HttpBenchmarkOptions.runner(settings);
    }

    static void main(String[] args) throws Exception {
        Map<String, String> settings = HttpBenchmarkOptions.parse(args);
        var benchmark = new HttpUsageBenchmark(settings);
        int subscriptionCount = Integer.parseInt(settings.getOrDefault("subscriptions", "100"));
        List<Integer> clientCounts = java.util.Arrays.stream(settings.getOrDefault("clients", "1,4,8").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        benchmark.prepare(subscriptionCount);
        benchmark.preload(Long.parseLong(settings.getOrDefault("preload", "0")),
                Integer.parseInt(settings.getOrDefault("preload-clients", "2")));
        benchmark.awaitQuiet();
        System.out.printf("ledger %s, batches of %d records over %d subscriptions (%s), %s warm-up + %s measured per"
                + " run%n", benchmark.url, benchmark.batch, subscriptionCount, benchmark.scheme, benchmark.warmup,
                benchmark.duration);
        benchmark.runner.run("JIT warm-up", clientCounts.get(clientCounts.size() - 1), Duration.ZERO,
                benchmark.jitWarmup, benchmark.batches("warm"));
        benchmark.awaitQuiet();
        List<String> rows = new ArrayList<>();
        for (int clients : clientCounts) {
            rows.add(benchmark.measure(clients));
        }
        boolean billedEarly = benchmark.checkEarlyBilling();
        System.out.println();
        System.out.println("| clients | records/s | batches/s | p50 per batch | p99 per batch | errors | CPU (cores): "
                + "machine / ledger JVM / PostgreSQL / client JVM | CPU ms per record: ledger JVM / PostgreSQL "
                + "| ledger busy after the run | ledger JVM CPU ms per record until idle |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |");
        rows.forEach(System.out::println);
        System.exit(billedEarly ? 0 : 2);
    }

    private void prepare(int subscriptionCount) throws Exception {
        var http = HttpChargeBenchmark.client();
        send(http, "/api/catalog/sample", HttpChargeBenchmark.basic("admin", "demo"), "{}");
        apiKey = JSON.readTree(send(http, "/api/api-keys", HttpChargeBenchmark.basic("billing", "demo"),
                "{\"name\":\"usage benchmark\"}")).get("key").asText();
        String agent = HttpChargeBenchmark.basic("agent", "demo");
        // four openers at once: 10,000 subscriptions one after another took minutes of the benchmark's time
        String[] opened = new String[subscriptionCount];
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> openers = new ArrayList<>();
        for (int opener = 0; opener < 4; opener++) {
            int first = opener;
            openers.add(pool.submit(() -> {
                var client = HttpChargeBenchmark.client();
                for (int i = first; i < subscriptionCount; i += 4) {
                    opened[i] = open(client, agent, i);
                }
                return null;
            }));
        }
        for (var opener : openers) {
            opener.get();
        }
        pool.shutdown();
        subscriptions.addAll(List.of(opened));
    }

    /**
     * Stores {@code records} records before the runs, as fast as {@code clients} clients post them, spread evenly:
     * record {@code k} on subscription {@code k mod subscriptions}. Prints how long it took and what it cost.
     */
    private void preload(long records, int clients) throws Exception {
        if (records <= 0) {
            return;
        }
        long batches = (records + batch - 1) / batch;
        var next = new java.util.concurrent.atomic.AtomicLong();
        var done = new java.util.concurrent.atomic.AtomicLong();
        long ledgerBefore = HttpChargeBenchmark.cpuTicks(ledgerPid);
        long started = System.nanoTime();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> posters = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            posters.add(pool.submit(() -> {
                var http = HttpChargeBenchmark.client();
                String authorization = "Bearer " + apiKey;
                for (long b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    long first = b * batch;
                    int size = (int) Math.min(batch, records - first);
                    StringBuilder body = new StringBuilder(size * 140).append("{\"records\":[");
                    for (int i = 0; i < size; i++) {
                        long k = first + i;
                        record(body.append(i == 0 ? "" : ","), subscriptions.get((int) (k % subscriptions.size())),
                                runTag + "-preload-" + k, k % 2 == 0);
                    }
                    requireAllAccepted(JSON.readTree(send(http, "/api/usage/batches", authorization,
                            body.append("]}").toString())), size);
                    long stored = done.addAndGet(size);
                    if (stored / 100_000 != (stored - size) / 100_000) {
                        System.out.printf("preload: %,d records stored, %.0f s%n", stored,
                                (System.nanoTime() - started) / 1e9);
                    }
                }
                return null;
            }));
        }
        try {
            for (var poster : posters) {
                poster.get();
            }
        } finally {
            pool.shutdownNow(); // a failed batch ends the preload: the other posters stop too
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long ledgerTicks = HttpChargeBenchmark.cpuTicks(ledgerPid) - ledgerBefore;
        System.out.printf("preloaded %,d records over %d subscriptions (%,d each) in %.0f s by %d clients: %,.0f"
                        + " records/s, ledger JVM CPU %.2f ms per record%n", records, subscriptions.size(),
                records / subscriptions.size(), seconds, clients, records / seconds,
                ledgerTicks < 0 ? Double.NaN : ledgerTicks * 10.0 / records);
    }

    /**
     * Waits until the ledger is idle: opening the subscriptions leaves work to its asynchronous processors (the
     * provisioning saga and dispatcher send a command for each subscription), and so do the JIT warm-up's and each
     * run's records (the read models, the sagas), which a slower machine has not finished when the last answer comes
     * back (the provisioning of 10,000 subscriptions ran 10-35 s past it); left alone, the next phase would run
     * beside it. Idle: three seconds in a row with the ledger's JVM under 0.1 of a core, within {@code quiet-timeout}.
     * Prints and answers how long it took.
     */
    private double awaitQuiet() throws InterruptedException {
        if (HttpChargeBenchmark.cpuTicks(ledgerPid) < 0) {
            return 0;
        }
        long started = System.nanoTime();
        long deadline = started + quietTimeout.toNanos();
        int quietSeconds = 0;
        long before = HttpChargeBenchmark.cpuTicks(ledgerPid);
        while (quietSeconds < 3) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ledger was still busy after " + quietTimeout
                        + ": the next phase would run beside its backlog");
            }
            Thread.sleep(1_000);
            long now = HttpChargeBenchmark.cpuTicks(ledgerPid);
            quietSeconds = now - before < 10 ? quietSeconds + 1 : 0;
            before = now;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("ledger idle (its processors caught up) after %.0f s%n", seconds);
        return seconds;
    }

    private static void record(StringBuilder body, String subscription, String recordId, boolean evening) {
        body.append("{\"subscriptionId\":\"").append(subscription).append("\",\"recordId\":\"").append(recordId)
                .append("\",\"productCode\":\"BRAVEHEART\",\"usedAt\":\"2026-03-20T")
                .append(evening ? "21:30:00" : "02:15:00").append("\"}");
    }

    private static void requireAllAccepted(JsonNode outcome, int records) {
        if (outcome.get("accepted").asInt() != records) {
            throw new IllegalStateException("batch not wholly accepted: " + outcome.get("accepted")
                    + " accepted, " + outcome.get("refused") + " refused");
        }
    }

    /**
     * {@code CORPORATE}, or a mix such as {@code CORPORATE:8,RESIDENTIAL:1,PREPAID:1} (eight subscriptions in ten
     * CORPORATE, one RESIDENTIAL, one PREPAID, in turn), expanded to one entry per subscription of a turn.
     */
    static List<String> schemes(String setting) {
        List<String> expanded = new ArrayList<>();
        for (String part : setting.split(",")) {
            String[] schemeAndWeight = part.trim().split(":");
            int weight = schemeAndWeight.length > 1 ? Integer.parseInt(schemeAndWeight[1].trim()) : 1;
            if (weight < 1 || weight > 100) {
                throw new IllegalArgumentException("a scheme's weight is 1 to 100: " + part);
            }
            for (int i = 0; i < weight; i++) {
                expanded.add(schemeAndWeight[0].trim());
            }
        }
        return List.copyOf(expanded);
    }

    /** The sample catalog's subscription type for a scheme: prepaid schemes have types of their own. */
    private static String subscriptionType(String scheme) {
        return switch (scheme) {
            case "PREPAID" -> "GOLD-PREPAID";
            case "PREPAID-WALLET" -> "GOLD-WALLET";
            default -> "GOLD";
        };
    }

    /**
     * After the runs (the ledger idle): the subscriptions of schemes that bill usage early hold no more unbilled usage
     * than their scheme allows — RESIDENTIAL under 20 records (a usage bill at 20 records or 50.00; the total, VAT
     * included, is printed), PREPAID none (a usage bill as the records come) — although the runs sent each of them far more. Every one of them is read
     * ({@code GET /api/subscriptions/{id}/unbilled-usage}). Prints what it found; false when one holds too much.
     */
    private boolean checkEarlyBilling() throws Exception {
        var http = HttpChargeBenchmark.client();
        String agent = HttpChargeBenchmark.basic("agent", "demo");
        int checked = 0;
        int wrong = 0;
        int maxRecords = 0;
        java.math.BigDecimal maxTotal = java.math.BigDecimal.ZERO;
        for (int i = 0; i < subscriptions.size(); i++) {
            String subscriptionScheme = schemes.get(i % schemes.size());
            boolean prepaid = subscriptionScheme.equals("PREPAID");
            if (!prepaid && !subscriptionScheme.equals("RESIDENTIAL")) {
                continue;
            }
            var request = HttpRequest.newBuilder(URI.create(url + "/api/subscriptions/" + subscriptions.get(i)
                    + "/unbilled-usage")).timeout(requestTimeout).header("Authorization", agent).GET().build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("unbilled usage of " + subscriptions.get(i) + " answered "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode unbilled = JSON.readTree(response.body());
            int records = unbilled.get("records").size();
            var total = unbilled.get("records").isEmpty() ? java.math.BigDecimal.ZERO
                    : new java.math.BigDecimal(unbilled.get("total").get("amount").asText());
            checked++;
            maxRecords = Math.max(maxRecords, records);
            maxTotal = maxTotal.max(total);
            if (prepaid ? records != 0 : records >= 20) {
                wrong++;
            }
        }
        if (checked > 0) {
            System.out.printf("early billing: %,d subscriptions of RESIDENTIAL or PREPAID read after the runs, at most"
                    + " %d records and %s unbilled on one; %,d holding more than their scheme allows -> %s%n",
                    checked, maxRecords, maxTotal.toPlainString(), wrong, wrong == 0 ? "CORRECT" : "WRONG");
        }
        return wrong == 0;
    }

    private String open(HttpClient http, String agent, int i) throws Exception {
        String account = JSON.readTree(send(http, "/api/accounts", agent, """
                {"type":"PERSON","firstName":"Usage","lastName":"Subscriber %d","currency":"EUR",\
                "creditLimit":1000000000}""".formatted(i))).get("accountId").asText();
        return JSON.readTree(send(http, "/api/subscriptions", agent, """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"%s","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]},
                             {"productCode":"PPV-MOVIES","distributorIds":["STB-1"]}]}""".formatted(account,
                subscriptionType(schemes.get(i % schemes.size())), schemes.get(i % schemes.size()))))
                .get("subscriptionId").asText();
    }

    private String measure(int clients) throws Exception {
        String name = clients + " client(s)";
        long ledgerBefore = HttpChargeBenchmark.cpuTicks(ledgerPid);
        long wallBefore = System.nanoTime();
        var result = runner.run(name, clients, warmup, duration, batches("run" + clients));
        double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
        long ledgerTicks = HttpChargeBenchmark.cpuTicks(ledgerPid) - ledgerBefore;
        // the read models and sagas may still be working through the run's records: until they are done, the
        // ledger has not finished with them, and the next run would pay for them
        double caughtUpSeconds = awaitQuiet();
        long ledgerTicksCaughtUp = HttpChargeBenchmark.cpuTicks(ledgerPid) - ledgerBefore;
        var cpu = result.cpu();
        double ledgerCores = ledgerTicks < 0 ? Double.NaN : ledgerTicks / 100.0 / wallSeconds;
        System.out.printf("%s: %,.0f records/s, %s, %d errors%s; idle again %.0f s after the last batch%n", name,
                result.perSecond() * batch, result.latencies(), result.errors(),
                result.firstError() == null ? "" : " (first: " + result.firstError() + ")", caughtUpSeconds);
        // per record: the cores used over the run divided by the records a second (load-independent, unlike the rate)
        double records = result.perSecond() * batch;
        double recordsInRun = records * wallSeconds;
        // the ledger's CPU per record until it was idle again (its 3 idle seconds add under 0.3 s of CPU)
        double ledgerMsCaughtUp = ledgerTicksCaughtUp < 0 ? Double.NaN
                : ledgerTicksCaughtUp * 10.0 / recordsInRun;
        return String.format("| %d | %,.0f | %.1f | %.0f ms | %.0f ms | %d | %.2f / %.2f / %.2f / %.2f | %.3f / %.3f"
                        + " | %.0f s | %.3f |", clients, records, result.perSecond(), result.p50Nanos() / 1e6,
                result.p99Nanos() / 1e6, result.errors(), cpu.machineCores(), ledgerCores, cpu.postgresCores(),
                cpu.jvmCores(), ledgerCores * 1000 / records, cpu.postgresCores() * 1000 / records,
                Math.max(0, caughtUpSeconds - 3), ledgerMsCaughtUp);
    }

    private LoadRunner.ClientFactory batches(String phase) {
        return index -> {
            var http = HttpChargeBenchmark.client();
            String authorization = "Bearer " + apiKey;
            return iteration -> {
                StringBuilder body = new StringBuilder(batch * 140).append("{\"records\":[");
                var random = ThreadLocalRandom.current();
                for (int i = 0; i < batch; i++) {
                    String subscription = subscriptions.get(random.nextInt(subscriptions.size()));
                    record(body.append(i == 0 ? "" : ","), subscription, runTag + "-" + phase + "-" + index + "-"
                            + iteration + "-" + i, i % 2 == 0);
                }
                requireAllAccepted(JSON.readTree(send(http, "/api/usage/batches", authorization,
                        body.append("]}").toString())), batch);
            };
        };
    }

    private String send(HttpClient http, String path, String authorization, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url + path)).timeout(requestTimeout)
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
