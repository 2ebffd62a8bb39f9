package org.subledger.command.process;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.util.Map;

/**
 * Retries a saga group's dead letters now (they are listed with every group's in {@code dead_letter_entry}); Axon's
 * dead-letter processors, which the generic retry uses, exist for event handler groups only.
 */
@RestController
@RequestMapping("/api/admin/saga-dead-letters")
@PreAuthorize("hasRole('ADMIN')")
class SagaDeadLetterController {

    private final SagaDeadLetters deadLetters;

    SagaDeadLetterController(SagaDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @PostMapping("/{group}/retry")
    @Operation(summary = "Retry a saga group's dead letters, each sequence in order")
    Map<String, Object> retry(@PathVariable String group) {
        if (!deadLetters.isSagaGroup(group)) {
            throw new LedgerRefusal(ErrorCode.NOT_FOUND, "No saga processing group " + group + ".");
        }
        return Map.of("group", group, "sequencesHandled", deadLetters.retry(group));
    }
}
