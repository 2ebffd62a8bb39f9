package org.subledger.benchmarks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.OpenAccount;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.account.PostCharge;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Commands through the ledger's own {@link CommandGateway}, exactly as its HTTP layer sends them: accounts opened
 * first, then clients each posting charges with {@code sendAndWait} to accounts picked at random, every charge with a
 * posting id of its own.
 */
final class CommandThroughput {

    static final Currency CURRENCY = Currency.getInstance("EUR");
    /** Every charge is this amount, so an account's balance after its n-th event is n times it. */
    static final BigDecimal CHARGE = new BigDecimal("10.00");

    private final CommandGateway gateway;
    private final LoadRunner runner;
    private final int accounts;
    private int run;

    CommandThroughput(CommandGateway gateway, LoadRunner runner, int accounts) {
        this.gateway = gateway;
        this.runner = runner;
        this.accounts = accounts;
    }

    static String accountId(int index) {
        return String.format("BENCH-%05d", index);
    }

    /** Opens the accounts with {@code threads} concurrent senders; returns accounts opened per second. */
    double openAccounts(int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                senders.add(pool.submit(() -> {
                    for (int i = first; i < accounts; i += threads) {
                        gateway.sendAndWait(openAccount(i));
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return accounts / ((System.nanoTime() - start) / 1e9);
    }

    void postOneCharge() {
        gateway.sendAndWait(new PostCharge(accountId(0), "bench-first", CHARGE, CURRENCY, "Monthly subscription",
                "INV-first"));
    }

    LoadRunner.Result postCharges(String label, int clients, Duration warmup, Duration window)
            throws InterruptedException {
        int thisRun = ++run;
        return runner.run(label, clients, warmup, window, client -> iteration -> {
            String postingId = "bench-" + thisRun + "-" + client + "-" + iteration;
            gateway.sendAndWait(new PostCharge(accountId(ThreadLocalRandom.current().nextInt(accounts)), postingId,
                    CHARGE, CURRENCY, "Monthly subscription", "INV-" + thisRun + "-" + client + "-" + iteration));
        });
    }

    private static OpenAccount openAccount(int index) {
        return openAccount(accountId(index), index);
    }

    /** A benchmark customer's account, with a credit limit no benchmark reaches. */
    static OpenAccount openAccount(String accountId, int index) {
        return new OpenAccount(accountId, CustomerType.PERSON,
                new PersonDetails("Bench", "Customer " + index, "ID-" + index), null, ContactDetails.none(),
                CURRENCY, new BigDecimal("1000000.00"), "AAA", null, "benchmark");
    }
}
