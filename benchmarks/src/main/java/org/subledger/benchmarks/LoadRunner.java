package org.subledger.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs N client threads, each calling its operation back to back (a closed loop: a client waits for the answer before
 * sending the next), for a warm-up and then a measured window. An operation counts when it completes inside the
 * window; throughput is those operations over the window's length, latencies are theirs.
 */
final class LoadRunner {

    /** One client: its own connection or state, called over and over from one thread. */
    interface Client extends AutoCloseable {
        void call(long iteration) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface ClientFactory {
        Client open(int clientIndex) throws Exception;
    }

    private final ResourceSampler cpu;

    LoadRunner(ResourceSampler cpu) {
        this.cpu = cpu;
    }

    Result run(String name, int clients, Duration warmup, Duration window, ClientFactory factory)
            throws InterruptedException {
        var ready = new CountDownLatch(clients);
        var go = new CountDownLatch(1);
        var start = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        var errors = new AtomicLong();
        var firstError = new AtomicReference<Throwable>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int index = i;
            var thread = new Thread(() -> {
                try (Client client = factory.open(index)) {
                    long[] mine = new long[1 << 12];
                    int count = 0;
                    ready.countDown();
                    go.await();
                    long measureFrom = start.get() + warmup.toNanos();
                    long measureTo = measureFrom + window.toNanos();
                    for (long iteration = 0; ; iteration++) {
                        long t0 = System.nanoTime();
                        if (t0 >= measureTo) {
                            break;
                        }
                        boolean ok = true;
                        try {
                            client.call(iteration);
                        } catch (Exception e) {
                            ok = false;
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e);
                        }
                        long t1 = System.nanoTime();
                        if (ok && t1 >= measureFrom && t1 < measureTo) {
                            if (count == mine.length) {
                                mine = Arrays.copyOf(mine, mine.length * 2);
                            }
                            mine[count++] = t1 - t0;
                        }
                    }
                    latencies[index] = mine;
                    counts[index] = count;
                } catch (Exception e) {
                    firstError.compareAndSet(null, e);
                    ready.countDown();
                }
            }, name + "-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        start.set(System.nanoTime());
        go.countDown();
        sleepUntil(start.get() + warmup.toNanos());
        var before = cpu.snapshot();
        sleepUntil(start.get() + warmup.toNanos() + window.toNanos());
        var after = cpu.snapshot();
        for (Thread thread : threads) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < clients; i++) {
            if (latencies[i] != null) {
                System.arraycopy(latencies[i], 0, all, at, counts[i]);
                at += counts[i];
            }
        }
        Arrays.sort(all);
        return new Result(name, clients, total, errors.get(), window.toNanos() / 1e9, percentile(all, 0.50),
                percentile(all, 0.99), ResourceSampler.between(before, after), firstError.get());
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * @param operations operations completed in the window (for batched inserts: transactions)
     * @param errors     operations that failed, warm-up included
     */
    record Result(String name, int clients, long operations, long errors, double seconds, long p50Nanos,
                  long p99Nanos, ResourceSampler.Usage cpu, Throwable firstError) {

        double perSecond() {
            return operations / seconds;
        }

        String latencies() {
            return String.format("p50 %.2f ms, p99 %.2f ms", p50Nanos / 1e6, p99Nanos / 1e6);
        }
    }
}
