package org.subledger.platform.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/**
 * The operators' view of events a read model or process failed on: list them, retry a sequence once its cause is
 * fixed, or evict a letter. Administrators only; every retry and eviction is recorded with its principal.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "dead letters")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Dead letters, oldest first: what failed, why, since when")
    public DeadLetterPage<DeadLetterView> list(@RequestParam(required = false) String group,
                                               @RequestParam(defaultValue = "0") @Min(0) int page,
                                               @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return deadLetters.list(group, page, size);
    }

    @GetMapping("/actions")
    @Operation(summary = "Retries and evictions by operators, newest first")
    public DeadLetterPage<DeadLetterAction> actions(@RequestParam(defaultValue = "0") @Min(0) int page,
                                                    @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return deadLetters.actions(page, size);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Retry the letter's sequence from its first letter, in order")
    public DeadLetterAction retry(@PathVariable String id, Principal principal) {
        return deadLetters.retry(id, principal.getName());
    }

    @PostMapping("/{id}/evict")
    @Operation(summary = "Remove the letter: its event is not handled by its group")
    public DeadLetterAction evict(@PathVariable String id, Principal principal) {
        return deadLetters.evict(id, principal.getName());
    }
}
