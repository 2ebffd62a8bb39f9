package org.axonframework.eventhandling.pooled;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's WorkPackage (a patched copy of Axon 4.13.0's, see its header) is the one the class path loads, it is
 * a copy of the Axon version actually on the class path, and its constant-time capacity check keeps Axon's meaning:
 * full at BUFFER_SIZE queued entries, free again once the worker has drained them.
 */
class WorkPackagePatchTest {

    /** The Axon version the patched WorkPackage was copied from; an upgrade must re-port the patch (see header). */
    private static final String PATCHED_AXON_VERSION = "4.13.0";

    @Test
    void thePatchedWorkPackageIsTheOneLoadedNotAxons() throws Exception {
        assertThat(WorkPackage.class.getDeclaredField("queuedEntries")).isNotNull();
        Path loadedFrom = Path.of(WorkPackage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path axonJar = Path.of(Coordinator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(loadedFrom).isNotEqualTo(axonJar);
        assertThat(loadedFrom.toString()).doesNotContain("axon-messaging");
    }

    @Test
    void theAxonOnTheClassPathIsTheVersionThePatchWasCopiedFrom() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = Coordinator.class.getResourceAsStream(
                "/META-INF/maven/org.axonframework/axon-messaging/pom.properties")) {
            assertThat(in).as("axon-messaging's pom.properties").isNotNull();
            pom.load(in);
        }
        assertThat(pom.getProperty("version"))
                .as("Axon was upgraded: re-port ledger-app's patched WorkPackage from the new tag (or drop it if "
                        + "Axon no longer walks the queue in hasRemainingCapacity), then update this version")
                .isEqualTo(PATCHED_AXON_VERSION);
    }

    @Test
    void isFullAtTheBufferSizeAndFreeAgainOnceTheWorkerHasDrainedItsQueue() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        CountDownLatch workerMayRun = new CountDownLatch(1);
        worker.submit(() -> {
            workerMayRun.await();
            return null;
        });
        AtomicInteger handled = new AtomicInteger();
        WorkPackage workPackage = WorkPackage.builder()
                .name("capacity")
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .executorService(worker)
                .eventFilter((event, segment) -> true)
                .batchProcessor((events, unitOfWork, segments) -> handled.addAndGet(events.size()))
                .segment(Segment.ROOT_SEGMENT)
                .initialToken(null)
                .batchSize(100)
                .claimExtensionThreshold(5000)
                .segmentStatusUpdater(update -> {
                })
                .clock(Clock.systemUTC())
                .build();
        try {
            for (int position = 0; position < WorkPackage.BUFFER_SIZE - 1; position++) {
                workPackage.scheduleEvent(event(position));
            }
            assertThat(workPackage.hasRemainingCapacity()).isTrue();
            workPackage.scheduleEvent(event(WorkPackage.BUFFER_SIZE - 1));
            assertThat(workPackage.hasRemainingCapacity()).isFalse();

            workerMayRun.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!workPackage.isDone() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(workPackage.isDone()).isTrue();
            assertThat(handled).hasValue(WorkPackage.BUFFER_SIZE);
            assertThat(workPackage.hasRemainingCapacity()).isTrue();
        } finally {
            worker.shutdownNow();
        }
    }

    private static GenericTrackedEventMessage<String> event(long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage("event " + position));
    }
}
