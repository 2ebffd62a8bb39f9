package org.subledger.command.billing;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Writes a numbered document issued outside the bill run (an event charge's bill, a credit note) in a transaction of
 * its own, committed or rolled back before the caller goes on, with its number and its events on that transaction's
 * one connection: the number is used if and only if the document is written.
 *
 * <p>Why on a thread of its own: Axon gives the event storage engine the connection of the thread's root unit of work
 * ({@code UnitOfWorkAwareConnectionProviderWrapper}). On a thread handling a saga's events that is the connection of
 * the saga's batch, whatever Spring transaction is opened below it; a {@code REQUIRES_NEW} transaction there took (and
 * committed) the bill number through Spring while the bill's events went into the saga's batch. Two defects followed:
 * a batch rolled back (a node stopped, a later event failed) left its numbers taken and their bills unwritten, gaps in
 * the year's series; and the thread's two transactions could wait on each other through a third that PostgreSQL cannot
 * see: the new one waiting for the number series row a bill run's segment holds, that segment's append waiting for the
 * account events the saga's batch held uncommitted, the saga's batch waiting (in Java) for the new one: a bill run
 * stalled for good. A thread with no unit of work gets Spring's connection for both.
 *
 * <p>The caller must hold no lock on what the work writes (its transaction waits for the work's): the event-charge
 * saga and the credit note endpoint write nothing on the accounts and bills before they ask.
 */
@Component
class OwnTransaction implements DisposableBean {

    /** Documents are numbered one at a time anyway (the series row); a few threads only overlap their reads. */
    private static final int THREADS = 4;

    private final TransactionTemplate transactions;
    private final ExecutorService threads;

    OwnTransaction(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "document-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code work} in a new transaction and answers its result once committed; its failure is rethrown. */
    <T> T execute(Supplier<T> work) {
        Future<T> result = threads.submit(() -> transactions.execute(status -> work.get()));
        try {
            return result.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            // the work may still commit: a document id derived from the request makes a retry find it
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a document was written", interrupted);
        }
    }

    @Override
    public void destroy() {
        threads.shutdown();
    }
}
