package org.subledger.query.account;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.access.AccessScope;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Aged receivables on the ledger's today (see {@link AgedReceivables}): accounts in account id order, paged, and the
 * totals per currency of every account the caller may read. Open to every authenticated user; it changes nothing.
 */
@RestController
@Validated
@RequestMapping("/api/receivables")
class AgedReceivablesController {

    private final AgedReceivables aged;
    private final Clock clock;

    AgedReceivablesController(AgedReceivables aged, Clock clock) {
        this.aged = aged;
        this.clock = clock;
    }

    @GetMapping("/aged")
    @Operation(summary = "Aged receivables: what is owed by days past due (0-30, 31-60, 61-90, 90+), per account and in total")
    public AgedReceivables.AgedPage aged(@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                         @RequestParam(defaultValue = "50") @Min(1)
                                         @Max(AccountQueryHandler.MAX_PAGE_SIZE) int size,
                                         AccessScope scope) {
        return aged.on(LocalDate.now(clock), page, size, scope);
    }
}
