package org.subledger.platform.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends due deliveries. A delivery is claimed by moving its next attempt past the attempt's time limit (so another
 * node, or this one after a crash, takes it again only if this attempt never finished: delivery is at least once,
 * and the receiver tells repeats by {@code Ledger-Delivery-Id} or the event id). A 2xx answer delivers it; anything
 * else is recorded as a failed attempt and retried after the back-off, until it runs out of attempts.
 */
public class WebhookDeliverer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

    private static final String CLAIM = """
            with due as (
                select d.id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id and e.active
                where d.state = 'PENDING' and d.next_attempt_at <= now()
                order by d.next_attempt_at, d.id
                limit ?
                for update of d skip locked)
            update webhook_delivery d set next_attempt_at = now() + make_interval(secs => ?)
            from due, webhook_endpoint e
            where d.id = due.id and e.id = d.endpoint_id
            returning d.id, d.event_id, d.event_type, d.body, d.attempts, e.url, e.secret""";
    private static final String ATTEMPTED = """
            insert into webhook_attempt (delivery_id, attempt, attempted_at, status, error, duration_ms)
            values (?, ?, now(), ?, ?, ?)""";
    private static final String DELIVERED = """
            update webhook_delivery set state = 'DELIVERED', attempts = ?, last_status = ?, last_error = null,
                delivered_at = now()
            where id = ?""";
    private static final String FAILED_ATTEMPT = """
            update webhook_delivery set state = ?, attempts = ?, last_status = ?, last_error = ?,
                next_attempt_at = now() + make_interval(secs => ?)
            where id = ?""";

    private record Claimed(long id, String eventId, String eventType, String body, int attempts, String url,
                           String secret) {
    }

    private record Outcome(Claimed delivery, Integer status, String error, long millis) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final JdbcTemplate jdbc;
    private final WebhookProperties properties;
    private final MeterRegistry meters;
    private final HttpClient http;
    private final Clock wallClock = Clock.systemUTC();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public WebhookDeliverer(JdbcTemplate jdbc, WebhookProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends what is due now; answers how many deliveries it attempted. */
    int deliverDue() {
        double lease = properties.timeout().multipliedBy(2).plusSeconds(5).toMillis() / 1000.0;
        List<Claimed> claimed = jdbc.query(CLAIM, (rs, i) -> new Claimed(rs.getLong("id"), rs.getString("event_id"),
                rs.getString("event_type"), rs.getString("body"), rs.getInt("attempts"), rs.getString("url"),
                rs.getString("secret")), properties.batchSize(), lease);
        List<CompletableFuture<Outcome>> sending = new ArrayList<>();
        for (Claimed delivery : claimed) {
            sending.add(send(delivery));
        }
        for (CompletableFuture<Outcome> future : sending) {
            record(future.join());
        }
        return claimed.size();
    }

    private CompletableFuture<Outcome> send(Claimed delivery) {
        long started = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "subscription-ledger-webhooks/1")
                    .header("Ledger-Delivery-Id", Long.toString(delivery.id()))
                    .header("Ledger-Event-Id", delivery.eventId())
                    .header("Ledger-Event-Type", delivery.eventType())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(),
                            wallClock.instant().getEpochSecond(), delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                    .build();
        } catch (RuntimeException badUrl) {
            return CompletableFuture.completedFuture(new Outcome(delivery, null, badUrl.toString(), 0));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    return failure == null
                            ? new Outcome(delivery, response.statusCode(),
                                    response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode(), millis)
                            : new Outcome(delivery, null, failure.toString(), millis);
                });
    }

    private void record(Outcome outcome) {
        Claimed delivery = outcome.delivery();
        int attempt = delivery.attempts() + 1;
        String error = outcome.error() == null ? null
                : outcome.error().substring(0, Math.min(500, outcome.error().length()));
        jdbc.update(ATTEMPTED, delivery.id(), attempt, outcome.status(), error,
                (int) Math.min(Integer.MAX_VALUE, outcome.millis()));
        if (outcome.delivered()) {
            jdbc.update(DELIVERED, attempt, outcome.status(), delivery.id());
            meters.counter("ledger.webhook.deliveries", "outcome", "delivered").increment();
            return;
        }
        boolean outOfAttempts = attempt >= properties.maxAttempts();
        double wait = properties.backoffAfter(attempt).toMillis() / 1000.0;
        jdbc.update(FAILED_ATTEMPT, outOfAttempts ? "FAILED" : "PENDING", attempt, outcome.status(), error, wait,
                delivery.id());
        meters.counter("ledger.webhook.deliveries", "outcome", outOfAttempts ? "failed" : "retrying").increment();
        if (outOfAttempts) {
            log.warn("Webhook delivery {} of event {} to {} failed {} times and waits for an operator: {}",
                    delivery.id(), delivery.eventId(), delivery.url(), attempt, error);
        }
    }

    private void deliverQuietly() {
        try {
            while (running && deliverDue() >= properties.batchSize()) {
                // a full batch: more may be due at once
            }
        } catch (RuntimeException e) {
            log.warn("Webhook deliveries not sent this time: {}", e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "webhook-deliveries");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::deliverQuietly, properties.pollInterval().toMillis(),
                properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
