package org.subledger.platform.axon;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.subledger.kernel.error.LedgerRefusal;

/**
 * Turns a business refusal thrown by a command handler into a {@link CommandExecutionException} whose details carry
 * the refusal as data, so the caller rebuilds the same error code whether the handler ran in this JVM or on another
 * node behind Axon Server.
 */
public class RefusalTranslatingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (LedgerRefusal refusal) {
            throw new CommandExecutionException(refusal.getMessage(), null, refusal.details());
        }
    }
}
