package org.subledger.command.scheduling;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.access.AccessScope;

import java.time.Instant;

/** Scheduled subscription actions: read one, or cancel it before it runs; beyond the user's units, as unknown. */
@RestController
@RequestMapping("/api/scheduled-actions")
@Tag(name = "Scheduled actions")
class ScheduledActionController {

    private static final String SCHEDULERS = "hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN')";

    private final ScheduledActions scheduledActions;

    ScheduledActionController(ScheduledActions scheduledActions) {
        this.scheduledActions = scheduledActions;
    }

    @GetMapping("/{scheduledActionId}")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN', 'REPORTER', 'AUDITOR')")
    @Operation(summary = "A scheduled action: what, when, and whether it is pending, executed, failed or cancelled;"
            + " now or as it stood at asOf")
    ScheduledActions.View get(@PathVariable String scheduledActionId, @RequestParam(required = false) Instant asOf,
                              AccessScope scope) {
        return scheduledActions.readAs(scheduledActionId, asOf, scope);
    }

    @PostMapping("/{scheduledActionId}/cancel")
    @PreAuthorize(SCHEDULERS)
    @Operation(summary = "Cancel a scheduled action that has not run yet")
    ScheduledActions.View cancel(@PathVariable String scheduledActionId, AccessScope scope) {
        scheduledActions.cancelAs(scheduledActionId, scope);
        return scheduledActions.read(scheduledActionId);
    }
}
