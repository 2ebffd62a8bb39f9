package org.subledger.command.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.usage.UnbilledBatchUsage;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.ServiceSwapped;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bill preview: the subscription's next bill, and the bill it would get after a proposed change (add, remove or swap
 * a service), worked out by the same {@link BillCalculator} a bill run uses, from the subscription's and its
 * account's event streams. Records nothing.
 */
@RestController
@RequestMapping("/api/subscriptions")
@Tag(name = "Billing (commands)")
class BillPreviewController {

    private final EventStreams streams;
    private final BillingCatalogs catalogs;
    private final BillingRules rules;
    private final Clock clock;

    private final UnbilledBatchUsage batchUsage;

    BillPreviewController(EventStreams streams, BillingCatalogs catalogs, BillingProperties properties, Clock clock,
                          UnbilledBatchUsage batchUsage) {
        this.streams = streams;
        this.batchUsage = batchUsage;
        this.catalogs = catalogs;
        this.rules = new BillingRules(properties.paymentTermDays());
        this.clock = clock;
    }

    enum ChangeType { ADD, REMOVE, SWAP }

    /** A proposed change: ADD {@code productCode}, REMOVE it, or SWAP it for {@code newProductCode}. */
    record ProposedChange(@NotNull ChangeType type,
                          @NotBlank @Size(max = 64) String productCode,
                          @Size(max = 64) String newProductCode,
                          Set<String> distributorIds,
                          LocalDate actionDate) {
    }

    record PreviewRequest(LocalDate billingDate, @Valid ProposedChange change) {
    }

    record PreviewView(String subscriptionId, LocalDate billingDate, BillDraft nextBill, BillDraft billAfterChange) {
    }

    @PostMapping("/{subscriptionId}/bill-preview")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN')")
    @Operation(summary = "Preview the next bill, and the bill after a proposed change, without recording anything")
    PreviewView preview(@PathVariable String subscriptionId, @Valid @RequestBody(required = false) PreviewRequest body,
                        AccessScope scope) {
        PreviewRequest request = body == null ? new PreviewRequest(null, null) : body;
        List<DomainEventMessage<?>> stream = streams.read(List.of(subscriptionId)).get(subscriptionId);
        BillingState state = BillingState.of(stream == null ? List.of() : stream,
                batchUsage.unbilled(List.of(subscriptionId)).getOrDefault(subscriptionId, List.of()));
        if (state.subscriptionId() == null) {
            throw new LedgerRefusal(ErrorCode.SUBSCRIPTION_NOT_FOUND, "No subscription with id " + subscriptionId);
        }
        // a preview shows the subscription: only to who may read it (its owning unit is on its first event)
        if (scope != null && stream.get(0).getPayload() instanceof SubscriptionCreated created
                && !scope.mayReadAccount(created.accountId(), created.owningUnit())) {
            throw LedgerRefusal.outOfScope(ErrorCode.SUBSCRIPTION_NOT_FOUND, "subscription", subscriptionId,
                    "No subscription with id " + subscriptionId);
        }
        BillingAccount account = AccountFold.of(streams.read(List.of(state.accountId())).get(state.accountId()));
        if (account == null) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + state.accountId());
        }
        var catalog = catalogs.read();
        LocalDate today = LocalDate.now(clock);
        LocalDate billingDate = Optional.ofNullable(request.billingDate())
                .or(() -> Optional.ofNullable(BillCalculator.nextBillingDate(state, catalog)))
                .orElse(today);
        BillDraft next = BillCalculator.bill(state, account, catalog, billingDate, BillKind.RUN, rules).orElse(null);
        BillDraft afterChange = null;
        if (request.change() != null) {
            BillingState changed = state.copy();
            changed.apply(hypothetical(subscriptionId, request.change(), today));
            afterChange = BillCalculator.bill(changed, account, catalog, billingDate, BillKind.RUN, rules)
                    .orElse(null);
        }
        return new PreviewView(subscriptionId, billingDate, next, afterChange);
    }

    private static Object hypothetical(String subscriptionId, ProposedChange change, LocalDate today) {
        LocalDate on = change.actionDate() == null ? today : change.actionDate();
        return switch (change.type()) {
            case ADD -> new ServiceAdded(subscriptionId, service(change.productCode(), change, on), on,
                    action(BehaviourCode.ADD_SERVICE));
            case REMOVE -> new ServiceRemoved(subscriptionId, change.productCode(), on,
                    action(BehaviourCode.REMOVE_SERVICE));
            case SWAP -> {
                if (change.newProductCode() == null || change.newProductCode().isBlank()) {
                    throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "change.newProductCode is required for a swap",
                            Map.of("change.newProductCode", "is required for a swap"));
                }
                yield new ServiceSwapped(subscriptionId, change.productCode(),
                        service(change.newProductCode(), change, on), on, action(BehaviourCode.SWAP_SERVICE));
            }
        };
    }

    private static SubscriptionService service(String productCode, ProposedChange change, LocalDate on) {
        return new SubscriptionService(productCode, List.of(), on, on, on, change.distributorIds());
    }

    private static SubscriptionAction action(BehaviourCode code) {
        return new SubscriptionAction(code, null, null, null);
    }
}
