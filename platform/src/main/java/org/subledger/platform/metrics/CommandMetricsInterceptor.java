package org.subledger.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.subledger.kernel.error.LedgerRefusal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ledger.commands{command, outcome}} ({@code ledger_commands_seconds_count} in Prometheus): every command
 * handled on this node, by its type and how it ended — {@code success} once its events are committed, {@code refused}
 * (a business refusal with a code), {@code failed} (anything else, such as a lost race at commit) — with the time
 * from the handler's start to commit or rollback. Measured at the end of the unit of work, not of the handler, so a
 * failure at commit counts as one.
 */
class CommandMetricsInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String METRIC = "ledger.commands";

    private record Key(Class<?> command, String outcome) {
    }

    private final MeterRegistry registry;
    /** Building a timer's id (tags sorted, filters applied) for every command cost more than timing it. */
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    CommandMetricsInterceptor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Timer.Sample sample = Timer.start(registry);
        Class<?> command = unitOfWork.getMessage().getPayloadType();
        Throwable[] thrown = new Throwable[1];
        unitOfWork.afterCommit(u -> sample.stop(timer(command, "success")));
        unitOfWork.onRollback(u -> sample.stop(timer(command, outcomeOf(thrown[0] != null ? thrown[0]
                : u.getExecutionResult() == null ? null : u.getExecutionResult().getExceptionResult()))));
        try {
            return chain.proceed();
        } catch (Exception | Error failure) {
            thrown[0] = failure; // the handler's own failure; a failure at commit reaches the rollback by itself
            throw failure;
        }
    }

    static String outcomeOf(Throwable failure) {
        if (failure instanceof LedgerRefusal
                || failure instanceof CommandExecutionException translated && translated.getDetails().isPresent()) {
            return "refused";
        }
        return "failed";
    }

    private Timer timer(Class<?> command, String outcome) {
        return timers.computeIfAbsent(new Key(command, outcome), key -> Timer.builder(METRIC)
                .tag("command", command.getSimpleName()).tag("outcome", outcome)
                .description("commands handled on this node, by type and outcome").register(registry));
    }
}
