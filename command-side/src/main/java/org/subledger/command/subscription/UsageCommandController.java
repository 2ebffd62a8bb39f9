package org.subledger.command.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.idempotency.IdempotentIds;
import org.subledger.command.web.CommandSender;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.usage.AddOneOffCharge;
import org.subledger.kernel.usage.RecordUsage;
import org.subledger.kernel.usage.SetBillingDirective;
import org.subledger.kernel.usage.UsageRecord;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.subledger.command.subscription.UsageRequests.BatchRecordRequest;
import static org.subledger.command.subscription.UsageRequests.BillingDirectiveRequest;
import static org.subledger.command.subscription.UsageRequests.OneOffChargeRequest;
import static org.subledger.command.subscription.UsageRequests.UsageBatchRequest;
import static org.subledger.command.subscription.UsageRequests.UsageRequest;

/**
 * Command API of what a subscription is billed for besides its termed services: usage detail records (one
 * subscription's, or a mediation batch of many subscriptions'), one-off charges and billing directives. Usage and
 * one-off charges are for agents, supervisors, billing and admins; directives (crediting or ignoring a service) for
 * supervisors, billing and admins. Every endpoint honours {@code Idempotency-Key}; usage and charges are also
 * idempotent by their own record and charge ids.
 */
@RestController
@Tag(name = "Subscriptions (usage and charges)")
class UsageCommandController {

    private static final String CHARGING = "hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN')";
    private static final String OPERATIONS = "hasAnyRole('SUPERVISOR', 'BILLING', 'ADMIN')";

    private static final MethodParameter BATCH_BODY = batchBody();

    private final CommandSender commands;
    private final Clock clock;
    private final MediationBatches batches;
    private final SpringValidatorAdapter validator;

    UsageCommandController(CommandSender commands, Clock clock, MediationBatches batches, Validator validator) {
        this.commands = commands;
        this.batches = batches;
        this.validator = new SpringValidatorAdapter(validator);
        this.clock = clock;
    }

    /** 201 when a record was accepted, 200 when all were duplicates; a refusal records none of them. */
    @PostMapping("/api/subscriptions/{subscriptionId}/usage")
    @PreAuthorize(CHARGING)
    @Operation(summary = "Record usage detail records (one, or {records:[...]}) on a subscription")
    ResponseEntity<Map<String, Object>> recordUsage(@PathVariable String subscriptionId,
                                                    @Valid @RequestBody UsageRequest body) {
        SubscriptionUsage.Outcome outcome = commands.send(new RecordUsage(subscriptionId, body.usageRecords()),
                ErrorCode.SUBSCRIPTION_NOT_FOUND, subscriptionId);
        return ResponseEntity.status(outcome.accepted().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(recorded(outcome));
    }

    /**
     * One command for the whole batch ({@link MediationBatchHandler}): one unit of work and one append of all its
     * events. Each record has its own outcome: accepted, a duplicate, or refused with its problem (the rest of its
     * subscription's records are recorded all the same). A subscription that is refused as a whole (unknown, not
     * effective) reports every record of it refused. Outcomes come per subscription, in the order each first appears.
     */
    @PostMapping("/api/usage/batches")
    @PreAuthorize(CHARGING)
    @Operation(summary = "Record a batch of usage detail records of many subscriptions; outcome per subscription")
    Map<String, Object> recordBatch(@RequestBody UsageBatchRequest body) throws MethodArgumentNotValidException {
        validate(body);
        Map<String, List<UsageRecord>> bySubscription = new LinkedHashMap<>();
        for (BatchRecordRequest record : body.records()) {
            bySubscription.computeIfAbsent(record.subscriptionId(), id -> new ArrayList<>()).add(record.record());
        }
        List<Map<String, Object>> outcomes = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        int refused = 0;
        for (var outcome : batches.record(bySubscription)) {
            List<String> recordIds = outcome.records().stream().map(UsageRecord::recordId).toList();
            if (outcome.refusal() != null) {
                refused += recordIds.size();
                outcomes.add(refusedWhole(outcome.subscriptionId(), recordIds, outcome.refusal()));
                continue;
            }
            var recorded = outcome.recorded();
            accepted += recorded.accepted().size();
            duplicates += recorded.duplicates().size();
            refused += recorded.refused().size();
            outcomes.add(recorded.accepted().isEmpty() && recorded.duplicates().isEmpty()
                    ? refusedWhole(outcome.subscriptionId(), recordIds, recorded.refused().get(0).problem())
                    : recorded(recorded));
        }
        return Map.of("subscriptions", outcomes, "accepted", accepted, "duplicates", duplicates,
                "refused", refused);
    }

    /**
     * As {@code @Valid} would, answering the same problems: bean validation only for a batch that the hand check
     * ({@link UsageBatchRequest#plainlyValid}) does not pass.
     */
    private void validate(UsageBatchRequest body) throws MethodArgumentNotValidException {
        if (body.plainlyValid()) {
            return;
        }
        var errors = new BeanPropertyBindingResult(body, "usageBatchRequest");
        validator.validate(body, errors);
        if (errors.hasErrors()) {
            throw new MethodArgumentNotValidException(BATCH_BODY, errors);
        }
    }

    private static MethodParameter batchBody() {
        try {
            return new MethodParameter(UsageCommandController.class.getDeclaredMethod("recordBatch",
                    UsageBatchRequest.class), 0);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> refusedWhole(String subscriptionId, List<String> recordIds,
                                                    RefusalDetails refusal) {
        return Map.of("subscriptionId", subscriptionId, "status", "REFUSED", "records", recordIds.size(),
                "refused", recordIds.size(), "problem", problem(refusal),
                "refusedRecords", recordIds.stream().map(id -> refusedRecord(id, refusal)).toList());
    }

    private static Map<String, Object> refusedRecord(String recordId, RefusalDetails refusal) {
        return Map.of("recordId", recordId, "problem", problem(refusal));
    }

    @PostMapping("/api/subscriptions/{subscriptionId}/one-off-charges")
    @PreAuthorize(CHARGING)
    @Operation(summary = "Add a one-off charge (hardware sold, a one-time service, an expense) to the next bill")
    ResponseEntity<Map<String, String>> addOneOffCharge(@PathVariable String subscriptionId,
                                                        @Valid @RequestBody OneOffChargeRequest body,
                                                        Principal principal, HttpServletRequest request) {
        String chargeId = body.chargeId() != null && !body.chargeId().isBlank() ? body.chargeId()
                : IdempotentIds.newId(request, principal, "one-off-charge");
        LocalDate on = body.chargedOn() != null ? body.chargedOn() : LocalDate.now(clock);
        commands.send(new AddOneOffCharge(subscriptionId, chargeId, body.productCode(), body.units(), on,
                body.description()), ErrorCode.SUBSCRIPTION_NOT_FOUND, subscriptionId);
        return ResponseEntity.ok(Map.of("subscriptionId", subscriptionId, "chargeId", chargeId,
                "action", BehaviourCode.ADD_ONE_OFF_CHARGE.name()));
    }

    @PutMapping("/api/subscriptions/{subscriptionId}/services/{productCode}/billing-directive")
    @PreAuthorize(OPERATIONS)
    @Operation(summary = "Bill, credit or ignore a service of the subscription from the next bill on")
    Map<String, String> setBillingDirective(@PathVariable String subscriptionId, @PathVariable String productCode,
                                            @Valid @RequestBody BillingDirectiveRequest body) {
        LocalDate on = body.actionDate() != null ? body.actionDate() : LocalDate.now(clock);
        commands.send(new SetBillingDirective(subscriptionId, productCode, body.directive(), body.reason(), on),
                ErrorCode.SUBSCRIPTION_NOT_FOUND, subscriptionId);
        return Map.of("subscriptionId", subscriptionId, "productCode", productCode,
                "directive", body.directive().name(), "action", BehaviourCode.SET_BILLING_DIRECTIVE.name());
    }

    private static Map<String, Object> recorded(SubscriptionUsage.Outcome outcome) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("subscriptionId", outcome.subscriptionId());
        recorded.put("status", "RECORDED");
        recorded.put("accepted", outcome.accepted().size());
        recorded.put("duplicates", outcome.duplicates().size());
        recorded.put("refused", outcome.refused().size());
        recorded.put("acceptedRecordIds", outcome.accepted());
        recorded.put("duplicateRecordIds", outcome.duplicates());
        recorded.put("refusedRecords", outcome.refused().stream()
                .map(refusal -> refusedRecord(refusal.recordId(), refusal.problem())).toList());
        return recorded;
    }

    /** The refusal as the problem+json of a single request would give it: its code, status, detail and fields. */
    static Map<String, Object> problem(RefusalDetails refusal) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("code", refusal.code().name());
        problem.put("status", refusal.code().kind().httpStatus());
        problem.put("detail", refusal.message());
        problem.put("fields", refusal.fields() == null ? Map.of() : refusal.fields());
        return problem;
    }
}
