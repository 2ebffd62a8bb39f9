package org.subledger.command.process;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.input.FreeText;
import org.subledger.command.web.CommandSender;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.process.RecordProcessStepRefusal;
import org.subledger.kernel.process.ResolveProcessStepRefusal;

import java.security.Principal;
import java.util.Map;

/** Marks an item of the "needs attention" list as dealt with, recording who did and how. */
@RestController
@RequestMapping("/api/attention")
class AttentionCommandController {

    record ResolveRequest(@FreeText(max = 500) @Size(max = 500) String resolution) {
    }

    private final CommandSender commands;

    AttentionCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/{refusalId}/resolve")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Mark a refused process step as resolved")
    Map<String, Object> resolve(@PathVariable String refusalId,
                                @Valid @RequestBody(required = false) ResolveRequest body, Principal principal) {
        if (!refusalId.startsWith(RecordProcessStepRefusal.refusalId(""))) {
            // another aggregate's id (an account's, a subscription's) is no item of the list
            throw new LedgerRefusal(ErrorCode.ATTENTION_ITEM_NOT_FOUND, "No refused process step " + refusalId);
        }
        commands.send(new ResolveProcessStepRefusal(refusalId, body == null ? null : body.resolution(),
                principal.getName()), ErrorCode.ATTENTION_ITEM_NOT_FOUND, refusalId);
        return Map.of("refusalId", refusalId, "resolved", true);
    }
}
