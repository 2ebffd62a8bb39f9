package org.subledger.command.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.idempotency.IdempotentIds;
import org.subledger.command.scheduling.ScheduledActions;
import org.subledger.command.web.CommandSender;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.ActivateSubscription;
import org.subledger.kernel.subscription.AddDistributor;
import org.subledger.kernel.subscription.AddInstalledItem;
import org.subledger.kernel.subscription.AddService;
import org.subledger.kernel.subscription.AmendBillingTerms;
import org.subledger.kernel.subscription.BecomeSubscriber;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.DeactivateSubscription;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.ReactivateSubscription;
import org.subledger.kernel.subscription.RemoveDistributor;
import org.subledger.kernel.subscription.RemoveInstalledItem;
import org.subledger.kernel.subscription.RemoveService;
import org.subledger.kernel.subscription.SwapInstalledItem;
import org.subledger.kernel.subscription.SwapService;
import org.subledger.kernel.subscription.TerminateSubscription;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import static org.subledger.command.subscription.SubscriptionRequests.ActionRequest;
import static org.subledger.command.subscription.SubscriptionRequests.BecomeSubscriberRequest;
import static org.subledger.command.subscription.SubscriptionRequests.BillingTermsAmendmentRequest;
import static org.subledger.command.subscription.SubscriptionRequests.DistributorRequest;
import static org.subledger.command.subscription.SubscriptionRequests.InstalledItemRequest;
import static org.subledger.command.subscription.SubscriptionRequests.PlainActionRequest;
import static org.subledger.command.subscription.SubscriptionRequests.ServiceActionRequest;
import static org.subledger.command.subscription.SubscriptionRequests.ServiceRequest;

/**
 * Command API of subscriptions: one endpoint per subscription action. Sales actions are for agents, supervisors and
 * admins; disconnecting, reconnecting and terminating also for billing. The action date defaults to today by the
 * ledger's clock. An action whose {@code executeOn} is after today is scheduled for that date instead (202 with a
 * {@code scheduledActionId}). Every endpoint honours {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/subscriptions")
@Tag(name = "Subscriptions (commands)")
class SubscriptionCommandController {

    private static final String SALES = "hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')";
    private static final String OPERATIONS = "hasAnyRole('SUPERVISOR', 'BILLING', 'ADMIN')";

    private final CommandSender commands;
    private final Clock clock;
    private final ScheduledActions scheduledActions;

    SubscriptionCommandController(CommandSender commands, Clock clock, ScheduledActions scheduledActions) {
        this.commands = commands;
        this.clock = clock;
        this.scheduledActions = scheduledActions;
    }

    @PostMapping
    @PreAuthorize(SALES)
    @Operation(summary = "Become subscriber: create a subscription, DRAFT (call centre) or EFFECTIVE (shop sale)")
    ResponseEntity<Map<String, String>> becomeSubscriber(@Valid @RequestBody BecomeSubscriberRequest body,
                                                         Principal principal, HttpServletRequest request) {
        LocalDate on = creationDate(body);
        String subscriptionId = IdempotentIds.newId(request, principal, "subscription");
        commands.send(new BecomeSubscriber(subscriptionId, body.accountId(), body.subscriptionTypeCode(),
                body.billingTerms().terms(), body.location(), body.billingAddress(), body.initialState(),
                body.distributors(), body.services() == null ? null
                : body.services().stream().map(ServiceRequest::service).toList(), body.installedItems(), on,
                body.classification()), ErrorCode.SUBSCRIPTION_NOT_FOUND, subscriptionId);
        return ResponseEntity.created(URI.create("/api/subscriptions/" + subscriptionId))
                .body(Map.of("subscriptionId", subscriptionId));
    }

    @PostMapping("/{subscriptionId}/activate")
    @PreAuthorize(SALES)
    @Operation(summary = "Activate a draft subscription: its services are billed from the activation date")
    ResponseEntity<Map<String, String>> activate(@PathVariable String subscriptionId,
                                 @RequestBody(required = false) PlainActionRequest body) {
        var action = orNone(body);
        return send(new ActivateSubscription(subscriptionId, actionDate(action), action.classification()),
                subscriptionId, BehaviourCode.ACTIVATE, action);
    }

    @PostMapping("/{subscriptionId}/services")
    @PreAuthorize(SALES)
    @Operation(summary = "Add a service, on the distributors it is to be available on")
    ResponseEntity<Map<String, String>> addService(@PathVariable String subscriptionId,
                                   @Valid @RequestBody ServiceActionRequest body) {
        return send(new AddService(subscriptionId, body.service(), actionDate(body), body.classification()),
                subscriptionId, BehaviourCode.ADD_SERVICE, body);
    }

    @PostMapping("/{subscriptionId}/services/{productCode}/remove")
    @PreAuthorize(SALES)
    @Operation(summary = "Remove a service: no longer provided nor billed from the action date")
    ResponseEntity<Map<String, String>> removeService(@PathVariable String subscriptionId, @PathVariable String productCode,
                                      @RequestBody(required = false) PlainActionRequest body) {
        var action = orNone(body);
        return send(new RemoveService(subscriptionId, productCode, actionDate(action), action.classification()),
                subscriptionId, BehaviourCode.REMOVE_SERVICE, action);
    }

    @PostMapping("/{subscriptionId}/services/{productCode}/swap")
    @PreAuthorize(SALES)
    @Operation(summary = "Replace a service by another (the body names the replacement)")
    ResponseEntity<Map<String, String>> swapService(@PathVariable String subscriptionId, @PathVariable String productCode,
                                    @Valid @RequestBody ServiceActionRequest body) {
        return send(new SwapService(subscriptionId, productCode, body.service(), actionDate(body),
                body.classification()), subscriptionId, BehaviourCode.SWAP_SERVICE, body);
    }

    @PostMapping("/{subscriptionId}/installed-items")
    @PreAuthorize(SALES)
    @Operation(summary = "Add an installed item (a traceable good, by serial number)")
    ResponseEntity<Map<String, String>> addInstalledItem(@PathVariable String subscriptionId,
                                         @Valid @RequestBody InstalledItemRequest body) {
        return send(new AddInstalledItem(subscriptionId, body.item(), actionDate(body), body.classification()),
                subscriptionId, BehaviourCode.ADD_INSTALLED_ITEM, body);
    }

    @PostMapping("/{subscriptionId}/installed-items/{serialNumber}/swap")
    @PreAuthorize(SALES)
    @Operation(summary = "Replace an installed item by another (the body names the replacement)")
    ResponseEntity<Map<String, String>> swapInstalledItem(@PathVariable String subscriptionId, @PathVariable String serialNumber,
                                          @Valid @RequestBody InstalledItemRequest body) {
        return send(new SwapInstalledItem(subscriptionId, serialNumber, body.item(), actionDate(body),
                body.classification()), subscriptionId, BehaviourCode.SWAP_INSTALLED_ITEM, body);
    }

    @PostMapping("/{subscriptionId}/installed-items/{serialNumber}/remove")
    @PreAuthorize(SALES)
    @Operation(summary = "Take an installed item off the subscription")
    ResponseEntity<Map<String, String>> removeInstalledItem(@PathVariable String subscriptionId, @PathVariable String serialNumber,
                                            @RequestBody(required = false) PlainActionRequest body) {
        var action = orNone(body);
        return send(new RemoveInstalledItem(subscriptionId, serialNumber, actionDate(action),
                action.classification()), subscriptionId, BehaviourCode.REMOVE_INSTALLED_ITEM, action);
    }

    @PostMapping("/{subscriptionId}/distributors")
    @PreAuthorize(SALES)
    @Operation(summary = "Add a distributor (device) and make the named services available on it")
    ResponseEntity<Map<String, String>> addDistributor(@PathVariable String subscriptionId,
                                       @Valid @RequestBody DistributorRequest body) {
        return send(new AddDistributor(subscriptionId, new Distributor(body.distributorId(), body.providerCode()),
                body.services(), actionDate(body), body.classification()), subscriptionId,
                BehaviourCode.ADD_DISTRIBUTOR, body);
    }

    @PostMapping("/{subscriptionId}/distributors/{distributorId}/remove")
    @PreAuthorize(SALES)
    @Operation(summary = "Remove a distributor (device): its services are no longer provided on it")
    ResponseEntity<Map<String, String>> removeDistributor(@PathVariable String subscriptionId, @PathVariable String distributorId,
                                          @RequestBody(required = false) PlainActionRequest body) {
        var action = orNone(body);
        return send(new RemoveDistributor(subscriptionId, distributorId, actionDate(action),
                action.classification()), subscriptionId, BehaviourCode.REMOVE_DISTRIBUTOR, action);
    }

    @PutMapping("/{subscriptionId}/billing-terms")
    @PreAuthorize(SALES)
    @Operation(summary = "Replace the billing terms; left-out dates start again from the action date")
    ResponseEntity<Map<String, String>> amendBillingTerms(@PathVariable String subscriptionId,
                                          @Valid @RequestBody BillingTermsAmendmentRequest body) {
        return send(new AmendBillingTerms(subscriptionId, body.billingTerms().terms(), actionDate(body),
                body.classification()), subscriptionId, BehaviourCode.AMEND_BILLING_TERMS, body);
    }

    @PostMapping("/{subscriptionId}/deactivate")
    @PreAuthorize(OPERATIONS)
    @Operation(summary = "Deactivate (disconnect) an effective subscription")
    ResponseEntity<Map<String, String>> deactivate(@PathVariable String subscriptionId,
                                   @RequestBody(required = false) PlainActionRequest body) {
        var action = orNone(body);
        return send(new DeactivateSubscription(subscriptionId, actionDate(action), action.classification()),
                subscriptionId, BehaviourCode.DEACTIVATE, action);
    }

    @PostMapping("/{subscriptionId}/reactivate")
    @PreAuthorize(OPERATIONS)
    @Operation(summary = "Reactivate a deactivated subscription")
    ResponseEntity<Map<String, String>> reactivate(@PathVariable String subscriptionId,
                                   @RequestBody(required = false) PlainActionRequest body) {
        var action = orNone(body);
        return send(new ReactivateSubscription(subscriptionId, actionDate(action), action.classification()),
                subscriptionId, BehaviourCode.REACTIVATE, action);
    }

    @PostMapping("/{subscriptionId}/terminate")
    @PreAuthorize(OPERATIONS)
    @Operation(summary = "Terminate the subscription for good; before the binding end date the penalty is due")
    ResponseEntity<Map<String, String>> terminate(@PathVariable String subscriptionId,
                                  @RequestBody(required = false) PlainActionRequest body) {
        var action = orNone(body);
        return send(new TerminateSubscription(subscriptionId, actionDate(action), action.classification()),
                subscriptionId, BehaviourCode.TERMINATE, action);
    }

    /**
     * Sends the action now, or, when {@code executeOn} is after today, schedules it for that date: answers 202 with
     * the scheduled action's id, to be read or cancelled under {@code /api/scheduled-actions/{id}}.
     */
    private ResponseEntity<Map<String, String>> send(Object command, String subscriptionId, BehaviourCode action,
                                                     ActionRequest request) {
        if (isScheduled(request)) {
            String scheduledActionId = scheduledActions.schedule(subscriptionId, request.executeOn(), command);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/scheduled-actions/" + scheduledActionId))
                    .body(Map.of("scheduledActionId", scheduledActionId, "subscriptionId", subscriptionId,
                            "action", action.name(), "executeOn", request.executeOn().toString()));
        }
        commands.send(command, ErrorCode.SUBSCRIPTION_NOT_FOUND, subscriptionId);
        return ResponseEntity.ok(Map.of("subscriptionId", subscriptionId, "action", action.name()));
    }

    private boolean isScheduled(ActionRequest action) {
        return action.executeOn() != null && action.executeOn().isAfter(LocalDate.now(clock));
    }

    /** The action's business date: as asked, else the date it is scheduled for, else today by the ledger's clock. */
    private LocalDate actionDate(ActionRequest action) {
        if (action.actionDate() != null) {
            return action.actionDate();
        }
        return isScheduled(action) ? action.executeOn() : LocalDate.now(clock);
    }

    /** Creating a subscription cannot be scheduled (there is nothing to attach the scheduled action to yet). */
    private LocalDate creationDate(ActionRequest action) {
        if (isScheduled(action)) {
            throw new LedgerRefusal(ErrorCode.SCHEDULED_ACTIONS_UNAVAILABLE,
                    "executeOn: creating a subscription cannot be scheduled",
                    Map.of("executeOn", "creating a subscription cannot be scheduled"));
        }
        return action.actionDate() != null ? action.actionDate() : LocalDate.now(clock);
    }

    private static PlainActionRequest orNone(PlainActionRequest body) {
        return body == null ? PlainActionRequest.NONE : body;
    }
}
