package org.subledger.app;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a condition holds: the read side is eventually consistent, tests wait for it without fixed sleeps. */
final class Await {

    private Await() {
    }

    /**
     * Within two minutes: a wait ends as soon as the condition holds, so the deadline costs nothing when things work,
     * and a 2-core CI machine running another build beside the suite can leave a processor that far behind (30 s
     * timed out once at load 38 with nothing wrong).
     */
    static <T> T until(String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
        return until(what, Duration.ofSeconds(120), probe, done);
    }

    /** For what takes longer than a read model: a ledger process starting, a database coming back. */
    static <T> T until(String what, Duration within, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
    }
}
