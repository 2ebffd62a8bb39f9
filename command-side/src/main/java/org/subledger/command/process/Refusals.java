package org.subledger.command.process;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.error.RefusalDetails;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a business refusal from a technical failure, on the refusal's type and code, never on a message: a
 * {@link LedgerRefusal} (thrown here, or carried as {@link RefusalDetails} from another node), or a target that does
 * not exist. Conflicts that pass by themselves (a concurrent modification, an idempotent request still running) and
 * internal errors are not business refusals: retrying may succeed.
 */
public final class Refusals {

    private static final Set<ErrorCode> PASSING = EnumSet.of(ErrorCode.CONCURRENT_MODIFICATION,
            ErrorCode.IDEMPOTENT_REQUEST_IN_PROGRESS, ErrorCode.INTERNAL_ERROR);

    private Refusals() {
    }

    /** The business refusal the failure is, if it is one. */
    public static Optional<RefusalDetails> of(Throwable failure) {
        RefusalDetails details = details(failure);
        return details == null || PASSING.contains(details.code()) ? Optional.empty() : Optional.of(details);
    }

    private static RefusalDetails details(Throwable failure) {
        if (failure instanceof LedgerRefusal refusal) {
            return refusal.details();
        }
        if (failure instanceof CommandExecutionException execution) {
            if (execution.getDetails().orElse(null) instanceof RefusalDetails details) {
                return details;
            }
            return execution.getCause() instanceof AggregateNotFoundException ? notFound(execution.getCause()) : null;
        }
        return failure instanceof AggregateNotFoundException ? notFound(failure) : null;
    }

    private static RefusalDetails notFound(Throwable failure) {
        return new RefusalDetails(ErrorCode.NOT_FOUND, String.valueOf(failure.getMessage()), Map.of());
    }
}
