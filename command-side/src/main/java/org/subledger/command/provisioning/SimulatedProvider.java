package org.subledger.command.provisioning;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.subledger.command.provisioning.ProviderClient.ProviderAnswer;
import org.subledger.command.provisioning.ProviderClient.ProviderRequest;
import org.subledger.kernel.provisioning.ProvisioningIds;
import org.subledger.kernel.provisioning.ProvisioningOperation;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A simulated provisioning provider: answers after {@code ledger.simulated-provider.latency} (default 50ms), rejects
 * a share {@code ledger.simulated-provider.failure-rate} (default 0) of the attempts at random, and deterministically
 * rejects every attempt numbered up to {@code ledger.simulated-provider.fail-first-attempts} (default 0). Idempotent
 * by request id: a request applied once is acknowledged again without being applied twice. Counts what it receives
 * per request id and attempt, for tests. Behaviour can be changed at run time (tests do, per test).
 */
@Component
public class SimulatedProvider {

    private volatile Duration latency;
    private volatile double failureRate;
    private volatile int failFirstAttempts;

    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> receivedAttempts = new ConcurrentHashMap<>();
    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    /** provider:distributor:product → the operation applied last: what the provider has ended up with. */
    private final Map<String, ProvisioningOperation> state = new ConcurrentHashMap<>();
    private volatile Predicate<ProviderRequest> rejecting = request -> false;

    public SimulatedProvider(@Value("${ledger.simulated-provider.latency:50ms}") Duration latency,
                             @Value("${ledger.simulated-provider.failure-rate:0}") double failureRate,
                             @Value("${ledger.simulated-provider.fail-first-attempts:0}") int failFirstAttempts) {
        this.latency = latency;
        this.failureRate = failureRate;
        this.failFirstAttempts = failFirstAttempts;
    }

    public ProviderAnswer receive(ProviderRequest request) {
        received.computeIfAbsent(request.requestId(), id -> new AtomicInteger()).incrementAndGet();
        receivedAttempts.computeIfAbsent(request.requestId() + "#" + request.attempt(), id -> new AtomicInteger())
                .incrementAndGet();
        sleep(latency);
        if (applied.contains(request.requestId())) {
            return ProviderAnswer.ack(); // already carried out: acknowledged again, not applied twice
        }
        if (request.attempt() <= failFirstAttempts) {
            return ProviderAnswer.reject("simulated failure of attempt " + request.attempt());
        }
        if (failureRate > 0 && ThreadLocalRandom.current().nextDouble() < failureRate) {
            return ProviderAnswer.reject("simulated random failure");
        }
        if (rejecting.test(request)) {
            return ProviderAnswer.reject("simulated rejection");
        }
        applied.add(request.requestId());
        state.put(key(request.provider(), request.distributorId(), request.productCode()), request.operation());
        return ProviderAnswer.ack();
    }

    /** The operation last applied for a product on a distributor, or null when none was. */
    public ProvisioningOperation state(String provider, String distributorId, String productCode) {
        return state.get(key(provider, distributorId, productCode));
    }

    /** Rejects every attempt that matches, for tests: {@code request -> false} stops it. */
    public void reject(Predicate<ProviderRequest> rule) {
        this.rejecting = rule;
    }

    private static String key(String provider, String distributorId, String productCode) {
        return provider + ":" + distributorId + ":" + productCode;
    }

    /** How many times a request (any attempt) was received. */
    public int received(String requestId) {
        AtomicInteger count = received.get(requestId);
        return count == null ? 0 : count.get();
    }

    /** How many times one attempt of a request was received. */
    public int received(String requestId, int attempt) {
        AtomicInteger count = receivedAttempts.get(requestId + "#" + attempt);
        return count == null ? 0 : count.get();
    }

    /** The ids of the requests received so far, for one subscription (ids start with provisioning:<subscription>:). */
    public Set<String> requestIdsOf(String subscriptionId) {
        String prefix = ProvisioningIds.PREFIX + subscriptionId + ":";
        return received.keySet().stream().filter(id -> id.startsWith(prefix)).collect(Collectors.toSet());
    }

    /** Whether the request was carried out (it is applied once, however often it is received). */
    public boolean applied(String requestId) {
        return applied.contains(requestId);
    }

    public void failFirstAttempts(int attempts) {
        this.failFirstAttempts = attempts;
    }

    public void failureRate(double rate) {
        this.failureRate = rate;
    }

    public void latency(Duration latency) {
        this.latency = latency;
    }

    private static void sleep(Duration latency) {
        if (latency.isZero() || latency.isNegative()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
