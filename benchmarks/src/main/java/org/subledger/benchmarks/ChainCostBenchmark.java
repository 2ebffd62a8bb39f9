package org.subledger.benchmarks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.OpenAccount;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.account.PostCharge;
import org.subledger.platform.audit.AuditChainer;
import org.subledger.platform.audit.ChainVerifier;
import org.subledger.platform.audit.DigestLog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What keeping the hash chain costs the command path (issue 15, goal under 5 %): charges through the command gateway
 * from {@code --bench.clients} threads, in runs of {@code --bench.charges}, with the chainer running and stopped, the
 * order alternating from pair to pair (whichever runs second is faster), the chain caught up before each run. Then
 * the verification speed over everything chained. Run by {@code benchmarks/chain-cost.sh}.
 */
final class ChainCostBenchmark {

    private ChainCostBenchmark() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> settings = InProcessLedger.settings(args, properties);
        int charges = Integer.parseInt(settings.getOrDefault("charges", "4000").replace("_", ""));
        int clients = Integer.parseInt(settings.getOrDefault("clients", "4"));
        int pairs = Integer.parseInt(settings.getOrDefault("pairs", "4"));
        InProcessLedger.runAndExit("chain-cost", properties, (context, postgresDir, heap) -> {
            run(context, charges, clients, pairs);
            return 0;
        });
    }

    private static void run(ConfigurableApplicationContext context, int charges, int clients, int pairs)
            throws Exception {
        var commands = context.getBean(CommandGateway.class);
        var chainer = context.getBean(AuditChainer.class);
        int accounts = 100;
        for (int i = 0; i < accounts; i++) {
            commands.sendAndWait(new OpenAccount("CHAIN-" + i, CustomerType.PERSON,
                    new PersonDetails("Bench", "Customer " + i, null), null, new ContactDetails(null, null, "Nicosia"),
                    Currency.getInstance("EUR"), new BigDecimal("100000000.00"), null, null, "bench"));
        }
        charge(commands, accounts, charges / 4, clients);
        StringBuilder on = new StringBuilder();
        StringBuilder off = new StringBuilder();
        double sumOn = 0;
        double sumOff = 0;
        for (int pair = 0; pair < pairs; pair++) {
            for (boolean chaining : pair % 2 == 0 ? new boolean[]{true, false} : new boolean[]{false, true}) {
                // untimed: the chain catches up with the run before, so a timed run with the chainer measures
                // keeping pace with the commands, not a backlog left by a run without it
                chainer.chainAvailable();
                if (chaining) {
                    chainer.start();
                } else {
                    chainer.stop();
                }
                double rate = charge(commands, accounts, charges, clients);
                (chaining ? on : off).append(String.format(" %,.0f/s%s |", rate, pair % 2 == 0 == chaining
                        ? " (first)" : " (second)"));
                if (chaining) {
                    sumOn += rate;
                } else {
                    sumOff += rate;
                }
            }
        }
        if (!chainer.isRunning()) {
            chainer.start();
        }
        System.out.println("| charges, " + clients + " clients | " + "run | ".repeat(pairs) + "mean |");
        System.out.println("| --- |" + " ---: |".repeat(pairs + 1));
        System.out.printf("| chainer running |%s %,.0f/s |%n", on, sumOn / pairs);
        System.out.printf("| chainer stopped |%s %,.0f/s |%n", off, sumOff / pairs);
        System.out.printf("cost of the chain on the command path: %.1f %%%n", 100 * (1 - sumOn / sumOff));

        long chainStart = System.nanoTime();
        var digest = context.getBean(DigestLog.class).current();
        System.out.printf("catching up the chain to position %,d took %.1f s%n", digest.position(),
                (System.nanoTime() - chainStart) / 1e9);
        var verifier = context.getBean(ChainVerifier.class);
        verifier.verify(digest.position(), digest.hash()); // warm-up
        var verification = verifier.verify(digest.position(), digest.hash());
        System.out.printf("verification: %s, %,d events in %,d ms = %,.0f events/s%n", verification.summary(),
                verification.eventsRead(), verification.millis(),
                verification.eventsRead() / Math.max(0.001, verification.millis() / 1000.0));
    }

    private static double charge(CommandGateway commands, int accounts, int n, int clients) throws Exception {
        var pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                senders.add(pool.submit(() -> {
                    for (int i = client; i < n; i += clients) {
                        commands.sendAndWait(new PostCharge("CHAIN-" + (i % accounts), UUID.randomUUID().toString(),
                                BigDecimal.ONE, null, "bench", null));
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
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
