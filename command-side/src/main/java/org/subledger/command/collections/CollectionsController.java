package org.subledger.command.collections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.idempotency.IdempotentIds;
import org.subledger.command.web.CommandSender;
import org.subledger.kernel.collections.ActivateRunDefinition;
import org.subledger.kernel.collections.ChangeRunDefinition;
import org.subledger.kernel.collections.CollectionRunState;
import org.subledger.kernel.collections.CreateRunDefinition;
import org.subledger.kernel.collections.DeactivateRunDefinition;
import org.subledger.kernel.collections.RequestCollectionRun;
import org.subledger.kernel.collections.RunKind;
import org.subledger.kernel.collections.RunOutcome;
import org.subledger.kernel.collections.RunSettings;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Deactivation, reactivation and scheduled-actions runs (collections): run definitions are created, changed, activated (their
 * recurrence then starts runs by itself) and run now; a run's progress is read from its own events. Honours
 * {@code Idempotency-Key}: a repeated create or run-now answers with the same id.
 */
@RestController
@RequestMapping("/api/collections")
@Tag(name = "Collections")
class CollectionsController {

    private static final String WRITERS = "hasAnyRole('BILLING', 'SUPERVISOR', 'ADMIN')";
    private static final String READERS = "hasAnyRole('BILLING', 'SUPERVISOR', 'AUDITOR', 'REPORTER', 'ADMIN')";

    private final CommandSender commands;
    private final CollectionRunReader reader;
    private final RunDefinitionList definitions;

    CollectionsController(CommandSender commands, CollectionRunReader reader, RunDefinitionList definitions) {
        this.commands = commands;
        this.reader = reader;
        this.definitions = definitions;
    }

    @PostMapping("/run-definitions")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Define a deactivation, reactivation or scheduled-actions run (inactive until activated)")
    ResponseEntity<Map<String, String>> create(@RequestBody RunSettings settings, Principal principal,
                                               HttpServletRequest request) {
        String id = IdempotentIds.newId(request, principal, "run-definition");
        commands.send(new CreateRunDefinition(id, settings), ErrorCode.RUN_DEFINITION_NOT_FOUND, id);
        return ResponseEntity.created(URI.create("/api/collections/run-definitions/" + id))
                .body(Map.of("definitionId", id));
    }

    @PutMapping("/run-definitions/{definitionId}")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Change a run definition; runs already started keep their settings")
    ResponseEntity<CollectionRunReader.Definition> change(@PathVariable String definitionId,
                                                          @RequestBody RunSettings settings) {
        commands.send(new ChangeRunDefinition(definitionId, settings), ErrorCode.RUN_DEFINITION_NOT_FOUND,
                definitionId);
        return ResponseEntity.ok(definition(definitionId));
    }

    @PostMapping("/run-definitions/{definitionId}/activate")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Activate a run definition: its recurrence starts runs by itself")
    ResponseEntity<CollectionRunReader.Definition> activate(@PathVariable String definitionId) {
        commands.send(new ActivateRunDefinition(definitionId), ErrorCode.RUN_DEFINITION_NOT_FOUND, definitionId);
        return ResponseEntity.ok(definition(definitionId));
    }

    @PostMapping("/run-definitions/{definitionId}/deactivate")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Deactivate a run definition: no more runs by its recurrence")
    ResponseEntity<CollectionRunReader.Definition> deactivate(@PathVariable String definitionId) {
        commands.send(new DeactivateRunDefinition(definitionId), ErrorCode.RUN_DEFINITION_NOT_FOUND, definitionId);
        return ResponseEntity.ok(definition(definitionId));
    }

    /** The as-of date the amounts are due against; today by the ledger's clock when not given. */
    record RunNowRequest(LocalDate asOf) {
    }

    @PostMapping("/run-definitions/{definitionId}/run-now")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Start a run of the definition now")
    ResponseEntity<Map<String, String>> runNow(@PathVariable String definitionId,
                                               @RequestBody(required = false) RunNowRequest body, Principal principal,
                                               HttpServletRequest request) {
        String runId = IdempotentIds.newId(request, principal, "collection-run");
        commands.send(new RequestCollectionRun(definitionId, runId, body == null ? null : body.asOf()),
                ErrorCode.RUN_DEFINITION_NOT_FOUND, definitionId);
        return ResponseEntity.accepted().location(URI.create("/api/collections/runs/" + runId))
                .body(Map.of("runId", runId));
    }

    @GetMapping("/run-definitions")
    @PreAuthorize(READERS)
    @Operation(summary = "Every run definition, oldest first")
    List<CollectionRunReader.Definition> list() {
        return definitions.ids().stream().map(reader::definition).flatMap(java.util.Optional::stream).toList();
    }

    @GetMapping("/run-definitions/{definitionId}")
    @PreAuthorize(READERS)
    @Operation(summary = "A run definition, now or as it stood at asOf")
    CollectionRunReader.Definition get(@PathVariable String definitionId,
                                       @RequestParam(required = false) Instant asOf) {
        CollectionRunReader.Definition now = definition(definitionId);
        if (asOf == null) {
            return now;
        }
        return reader.definition(definitionId, asOf).orElseThrow(() -> new LedgerRefusal(
                ErrorCode.RUN_DEFINITION_NOT_YET_CREATED, "Run definition " + definitionId
                + " was created after " + asOf + ".", Map.of("asOf", "is before the definition was created")));
    }

    /** A subscription (or, for a scheduled-actions run, a scheduled action) a run could not act on, and why. */
    record Failure(String subscriptionId, String scheduledActionId, String code, String message) {
    }

    /** A run's progress: matched (its frozen candidates), acted on, failed, batches done of all. */
    record RunView(String runId, String definitionId, String kind, String status, LocalDate asOf, Integer matched,
                   int acted, int failed, int batchesDone, int batches, List<Failure> failures) {
    }

    @GetMapping("/runs/{runId}")
    @PreAuthorize(READERS)
    @Operation(summary = "A run's progress and outcome: matched, acted, failed, batches; now or as of asOf")
    RunView run(@PathVariable String runId, @RequestParam(required = false) Instant asOf) {
        RunView now = reader.run(runId).map(CollectionsController::view).orElseThrow(
                () -> new LedgerRefusal(ErrorCode.COLLECTION_RUN_NOT_FOUND, "No record with id " + runId));
        if (asOf == null) {
            return now;
        }
        return reader.run(runId, asOf).map(CollectionsController::view).orElseThrow(() -> new LedgerRefusal(
                ErrorCode.COLLECTION_RUN_NOT_YET_STARTED, "Collection run " + runId + " was started after " + asOf
                + ".", Map.of("asOf", "is before the run was started")));
    }

    private static RunView view(CollectionRunState run) {
        String status = run.completed() ? "COMPLETED" : run.selected() ? "RUNNING" : "SELECTING";
        return new RunView(run.runId(), run.definitionId(), run.settings().kind().name(), status, run.asOf(),
                run.selected() ? run.candidates().size() : null, run.acted(), run.failed(), run.batchesDone(),
                run.batches(), run.failures().stream().map(o -> failure(run, o)).toList());
    }

    private static Failure failure(CollectionRunState run, RunOutcome outcome) {
        return run.settings().kind() == RunKind.SCHEDULED_ACTIONS
                ? new Failure(null, outcome.subscriptionId(), outcome.code(), outcome.message())
                : new Failure(outcome.subscriptionId(), null, outcome.code(), outcome.message());
    }

    private CollectionRunReader.Definition definition(String definitionId) {
        return reader.definition(definitionId).orElseThrow(
                () -> new LedgerRefusal(ErrorCode.RUN_DEFINITION_NOT_FOUND, "No record with id " + definitionId));
    }
}
