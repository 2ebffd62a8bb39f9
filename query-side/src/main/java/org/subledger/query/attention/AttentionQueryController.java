package org.subledger.query.attention;

import io.swagger.v3.oas.annotations.Operation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.process.query.AttentionItem;
import org.subledger.kernel.process.query.AttentionPage;
import org.subledger.kernel.process.query.ListAttentionItems;
import org.subledger.query.account.PageView;

/**
 * The "needs attention" list: what the ledger's processes (sagas) were refused and why — a charge a closed account
 * refused, a provisioning request refused —, newest first, open items only unless {@code includeResolved}. For the
 * people who deal with them and those who audit them.
 */
@RestController
@Validated
@RequestMapping("/api/attention")
class AttentionQueryController {

    private final QueryGateway queryGateway;

    AttentionQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    @Operation(summary = "Refused process steps that need someone's attention, newest first")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'AUDITOR', 'ADMIN')")
    public PageView<AttentionItem> list(@RequestParam(defaultValue = "false") boolean includeResolved,
                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "50") @Min(1)
                                        @Max(AttentionQueryHandler.MAX_PAGE_SIZE) int size) {
        AttentionPage items = queryGateway.query(new ListAttentionItems(includeResolved, page, size),
                AttentionPage.class).join();
        return PageView.of(items.content(), item -> item, items.page(), items.size(), items.totalElements());
    }
}
