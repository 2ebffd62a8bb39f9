package org.subledger.app;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.boot.test.context.TestComponent;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountOpened;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only saga, given the sagas' failure handling like any other (nothing registers it), failing for a technical
 * reason on the accounts a test marks broken (ids starting with {@code saga-poison-}), to show where its failing
 * events go: retried, then into its group's dead-letter queue, the later events of the same account behind them,
 * until they are retried. Sagas of other accounts end at once.
 */
@Saga
@TestComponent // only where imported (LedgerIT): not scanned into every node a test starts, nor registered twice
@ProcessingGroup(SagaDeadLetterProbe.GROUP)
public class SagaDeadLetterProbe { // public, with a public constructor: Axon instantiates sagas reflectively

    static final String GROUP = "saga-dead-letter-probe";
    static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();
    static final List<String> HANDLED = new CopyOnWriteArrayList<>();

    private String accountId;

    public SagaDeadLetterProbe() {
        // for Axon
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "accountId")
    public void on(AccountOpened event) {
        accountId = event.accountId();
        if (!accountId.startsWith("saga-")) {
            SagaLifecycle.end();
            return;
        }
        handle("opened");
    }

    @SagaEventHandler(associationProperty = "accountId")
    public void on(AccountClosed event) {
        handle("closed");
        SagaLifecycle.end();
    }

    private void handle(String what) {
        if (BROKEN.contains(accountId)) {
            throw new IllegalStateException("the probe cannot handle " + accountId + " now");
        }
        HANDLED.add(accountId + ":" + what);
    }

}
