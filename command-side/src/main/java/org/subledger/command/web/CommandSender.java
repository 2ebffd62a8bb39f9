package org.subledger.command.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

/**
 * Sends a command from the API and waits for its outcome, naming a missing aggregate with the caller's own error
 * code (an unknown account is {@code ACCOUNT_NOT_FOUND}, not a generic not-found).
 */
@Component
public class CommandSender {

    private final CommandGateway commandGateway;

    public CommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> R send(Object command, ErrorCode whenMissing, String id) {
        try {
            return commandGateway.sendAndWait(command);
        } catch (AggregateNotFoundException notFound) {
            throw missing(whenMissing, id);
        } catch (CommandExecutionException failed) {
            if (failed.getCause() instanceof AggregateNotFoundException) {
                throw missing(whenMissing, id);
            }
            throw failed;
        }
    }

    private static LedgerRefusal missing(ErrorCode code, String id) {
        return new LedgerRefusal(code, "No record with id " + id);
    }
}
