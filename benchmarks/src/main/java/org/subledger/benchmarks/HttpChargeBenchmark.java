package org.subledger.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /api/accounts/{id}/charges} over real HTTP against a ledger started as its own process (the jar, by
 * {@code benchmarks/http-charges.sh}): what an API client gets once authentication costs an HMAC (API key) or a cache
 * lookup (HTTP Basic, cached) instead of bcrypt. Three runs: API key; HTTP Basic; API key while 8 threads send wrong
 * passwords as fast as they are answered (the flood that used to slow everyone). Closed-loop clients, each on its
 * own keep-alive HTTP/1.1 connection, over a set of accounts opened first. The client runs on the same machine and
 * takes its share of the cores; its CPU is reported apart.
 *
 * <p>Settings ({@code --bench.NAME=VALUE}): {@code url} (required), {@code ledger-pid}, {@code postgres-data-dir},
 * {@code clients} (16), {@code accounts} (200), {@code jit-warmup} (180s, once, not counted), {@code warmup} (5s, before
 * each run), {@code duration} (15s), {@code flood-threads} (8), {@code runs} (key,basic,flood: which runs, in order;
 * {@code key} alone gives the API key's CPU per charge without the other runs), {@code idle} (10s: the ledger's CPU
 * with no request, measured once after the JIT warm-up; 0 skips it).
 *
 * <p>The ledger's CPU per charge (its JVM's CPU time over the run, warm-up included, divided by the charges answered
 * in that time) depends far less on what else runs on the machine than the rate does: compare it across builds when
 * the machine is busy. On a loaded machine few charges get through and the ledger's fixed cost (its event
 * processors polling the store, measured apart as the idle CPU) dominates that figure: the last column takes the idle
 * CPU off, which leaves the cost that grows with the charges.
 *
 * <p>The JIT warm-up is long because the ledger's JIT is slow to settle on two cores: after 60 s of charges its
 * compiler threads still took a third of a core and the rate was half the settled one (docs/benchmarks.md,
 * session 14). Each run reports the compiler threads' share ({@code ledger JIT}): near zero once settled.
 */
final class HttpChargeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final long ledgerPid;
    private final int clients;
    private final Duration warmup;
    private final Duration duration;
    private final Duration idle;
    /** The ledger's CPU while nobody sends anything (its event processors polling), ms per second; NaN unknown. */
    private double idleMsPerSecond = Double.NaN;
    private final int floodThreads;
    private final Duration jitWarmup;
    private final LoadRunner runner;
    private final List<String> runs;
    private final boolean jdkClient;
    private final List<String> accounts = new ArrayList<>();
    private String apiKey;

    private HttpChargeBenchmark(Map<String, String> settings) {
        this.url = HttpBenchmarkOptions.required(settings, "url");
        this.ledgerPid = Long.parseLong(settings.getOrDefault("ledger-pid", "-1"));
        this.clients = Integer.parseInt(settings.getOrDefault("clients", "16"));
        this.warmup = Duration.parse("PT" + settings.getOrDefault("warmup", "5s"));
        this.duration = Duration.parse("PT" + settings.getOrDefault("duration", "15s"));
        this.floodThreads = Integer.parseInt(settings.getOrDefault("flood-threads", "8"));
        this.jitWarmup = Duration.parse("PT" + settings.getOrDefault("jit-warmup", "180s"));
        this.idle = Duration.parse("PT" + settings.getOrDefault("idle", "10s"));
        this.runner = HttpBenchmarkOptions.runner(settings);
        this.runs = List.of(settings.getOrDefault("runs", "key,basic,flood").split(","));
        this.jdkClient = switch (settings.getOrDefault("client", "apache")) {
            case "apache" -> false;
            case "jdk" -> true;
            default -> throw new IllegalArgumentException("--bench.client is apache or jdk");
        };
    }

    static void main(String[] args) throws Exception {
        Map<String, String> settings = HttpBenchmarkOptions.parse(args);
        var benchmark = new HttpChargeBenchmark(settings);
        int accounts = Integer.parseInt(settings.getOrDefault("accounts", "200"));
        benchmark.prepare(accounts);
        System.out.printf("ledger %s, %d clients (%s HTTP client), %d accounts, %s warm-up + %s measured per run,"
                        + " %d flood threads%n", benchmark.url, benchmark.clients,
                benchmark.jdkClient ? "JDK" : "Apache", accounts, benchmark.warmup, benchmark.duration,
                benchmark.floodThreads);
        // a fresh ledger JVM compiles its hot paths in the first tens of seconds: not counted in any run
        benchmark.runner.run("JIT warm-up", benchmark.clients, Duration.ZERO, benchmark.jitWarmup,
                benchmark.charges("Bearer " + benchmark.apiKey, new AtomicLong()));
        benchmark.measureIdle();
        List<String> rows = new ArrayList<>();
        for (String run : benchmark.runs) {
            rows.add(switch (run.trim()) {
                case "key" -> benchmark.measure("API key (Bearer sk_test_…)", "Bearer " + benchmark.apiKey, false);
                case "basic" -> benchmark.measure("HTTP Basic, cached", basic("agent", "demo"), false);
                case "flood" -> benchmark.measure("API key, during a wrong-password flood",
                        "Bearer " + benchmark.apiKey, true);
                default -> throw new IllegalArgumentException("unknown run " + run + " (key, basic, flood)");
            });
        }
        System.out.println();
        System.out.printf("ledger CPU while idle (no request; its event processors polling the store): %.1f ms per"
                + " second%n", benchmark.idleMsPerSecond);
        System.out.println("| run | clients | charges/s | p50 | p99 | errors | CPU (cores): machine / ledger JVM / "
                + "PostgreSQL / client JVM | ledger CPU per charge | same, less the idle CPU | ledger JIT (cores) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private void prepare(int accountCount) throws Exception {
        var http = client();
        var created = send(http, "POST", "/api/api-keys", basic("agent", "demo"),
                "{\"name\":\"http benchmark\"}");
        apiKey = JSON.readTree(created).get("key").asText();
        for (int i = 0; i < accountCount; i++) {
            var opened = send(http, "POST", "/api/accounts", "Bearer " + apiKey, """
                    {"type":"PERSON","firstName":"Bench","lastName":"Client %d","currency":"EUR",\
                    "creditLimit":1000000000}""".formatted(i));
            accounts.add(JSON.readTree(opened).get("accountId").asText());
        }
    }

    private String measure(String name, String authorization, boolean flood) throws Exception {
        var stop = new AtomicBoolean();
        var floodAnswers = new LinkedHashMap<Integer, AtomicLong>();
        List<Thread> flooders = new ArrayList<>();
        if (flood) {
            for (int i = 0; i < floodThreads; i++) {
                int index = i;
                var thread = new Thread(() -> flood(index, stop, floodAnswers), "flood-" + i);
                thread.setDaemon(true);
                flooders.add(thread);
                thread.start();
            }
        }
        long ledgerBefore = cpuTicks(ledgerPid);
        long jitBefore = ResourceSampler.compilerTicks(ledgerPid);
        long wallBefore = System.nanoTime();
        var answered = new AtomicLong();
        var result = runner.run(name, clients, warmup, duration, charges(authorization, answered));
        double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
        long ledgerTicks = cpuTicks(ledgerPid) - ledgerBefore;
        long jitAfter = ResourceSampler.compilerTicks(ledgerPid);
        double jitCores = jitBefore < 0 || jitAfter < 0 ? Double.NaN : (jitAfter - jitBefore) / 100.0 / wallSeconds;
        stop.set(true);
        for (Thread thread : flooders) {
            thread.join();
        }
        var cpu = result.cpu();
        // the ledger's CPU over warm-up and window together (its /proc ticks are sampled around the whole run)
        double ledgerCores = ledgerTicks < 0 ? Double.NaN : ledgerTicks / 100.0 / wallSeconds;
        // over the same span as the ticks: every charge answered in warm-up and window (a flood's refusals not counted)
        double ledgerMsPerCharge = ledgerTicks < 0 ? Double.NaN : ledgerTicks * 10.0 / Math.max(1, answered.get());
        // on a loaded machine few charges get through, and the ledger's fixed idle cost dominates the figure above
        double netMsPerCharge = (ledgerTicks * 10.0 - idleMsPerSecond * wallSeconds) / Math.max(1, answered.get());
        System.out.printf("%s: %,.0f charges/s, %s, %d errors%s, ledger CPU %.2f ms per charge, ledger JIT %.2f"
                        + " cores%n", name, result.perSecond(), result.latencies(), result.errors(),
                result.firstError() == null ? "" : " (first: " + result.firstError() + ")", ledgerMsPerCharge,
                jitCores);
        if (flood) {
            System.out.println("  wrong-password answers during the run: " + floodAnswers);
        }
        return String.format("| %s | %d | %,.0f | %.1f ms | %.1f ms | %d | %.2f / %.2f / %.2f / %.2f | %.2f ms"
                        + " | %.2f ms | %.2f |", name, clients, result.perSecond(), result.p50Nanos() / 1e6,
                result.p99Nanos() / 1e6, result.errors(), cpu.machineCores(), ledgerCores, cpu.postgresCores(),
                cpu.jvmCores(), ledgerMsPerCharge, netMsPerCharge, jitCores);
    }

    /** The ledger's CPU over {@code idle} seconds without requests, after the warm-up (its processors polling). */
    private void measureIdle() throws InterruptedException {
        if (idle.isZero() || ledgerPid <= 0) {
            return;
        }
        long before = cpuTicks(ledgerPid);
        long start = System.nanoTime();
        Thread.sleep(idle.toMillis()); // a measurement window with no load, not a wait for a state
        long ticks = cpuTicks(ledgerPid) - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        idleMsPerSecond = before < 0 || ticks < 0 ? Double.NaN : ticks * 10.0 / seconds;
        System.out.printf("ledger CPU while idle for %s: %.1f ms per second%n", idle, idleMsPerSecond);
    }

    private LoadRunner.ClientFactory charges(String authorization, AtomicLong answered) {
        if (!jdkClient) {
            return index -> {
                CloseableHttpClient http = blockingClient();
                return iteration -> {
                    String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
                    var post = new HttpPost(url + "/api/accounts/" + account + "/charges");
                    post.setHeader("Authorization", authorization);
                    post.setEntity(new StringEntity("{\"amount\": 1.00, \"description\": \"benchmark\"}",
                            ContentType.APPLICATION_JSON));
                    http.execute(post, response -> {
                        String body = EntityUtils.toString(response.getEntity());
                        if (response.getCode() >= 300) {
                            throw new IllegalStateException("POST charges answered " + response.getCode() + " "
                                    + body);
                        }
                        return body;
                    });
                    answered.incrementAndGet();
                };
            };
        }
        return index -> {
            var http = client();
            return iteration -> {
                String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
                send(http, "POST", "/api/accounts/" + account + "/charges", authorization,
                        "{\"amount\": 1.00, \"description\": \"benchmark\"}");
                answered.incrementAndGet();
            };
        };
    }

    private void flood(int index, AtomicBoolean stop, Map<Integer, AtomicLong> answers) {
        var http = client();
        long attempt = 0;
        while (!stop.get()) {
            var request = HttpRequest.newBuilder(URI.create(url + "/api/accounts?status=UNSETTLED"))
                    .header("Authorization", basic(index % 2 == 0 ? "billing" : "guess-" + index, "wrong-" + attempt++))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                synchronized (answers) {
                    answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                }
            } catch (Exception e) {
                synchronized (answers) {
                    answers.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                }
            }
        }
    }

    private String send(HttpClient http, String method, String path, String authorization, String json)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    /** A blocking client on one kept-alive connection, no retries, no cookies, no redirects (one per client thread). */
    static CloseableHttpClient blockingClient() {
        var connections = new BasicHttpClientConnectionManager();
        connections.setConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                .setSocketTimeout(Timeout.ofSeconds(30)).build());
        return HttpClients.custom().setConnectionManager(connections).disableAutomaticRetries()
                .disableCookieManagement().disableRedirectHandling().disableContentCompression()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
                .build();
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** User + system CPU ticks (1/100 s) of a process, from /proc; -1 when unknown. */
    static long cpuTicks(long pid) {
        if (pid <= 0 || !Files.exists(Path.of("/proc", Long.toString(pid)))) {
            return -1;
        }
        String[] f = ResourceSampler.statFields(Path.of("/proc", Long.toString(pid)));
        return f == null ? -1 : ResourceSampler.cpuTicks(f);
    }
}
