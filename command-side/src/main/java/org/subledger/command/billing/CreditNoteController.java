package org.subledger.command.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.idempotency.IdempotentIds;
import org.subledger.command.web.CommandSender;
import org.subledger.command.web.RequestValues;
import org.subledger.kernel.billing.CreditNoteIssued;
import org.subledger.kernel.billing.IssueCreditNote;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.input.FreeText;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Credit notes: a credit is a numbered document that names the bill it corrects. Honours {@code Idempotency-Key}. */
@RestController
@Tag(name = "Bills (commands)")
class CreditNoteController {

    private final CommandSender commands;

    CreditNoteController(CommandSender commands) {
        this.commands = commands;
    }

    /** {@code amount}: VAT inclusive, in the bill's currency; {@code currency} optional. */
    record CreditNoteRequest(@NotNull BigDecimal amount, String currency, @NotBlank @FreeText(max = 500) String reason) {
    }

    @PostMapping("/api/bills/{billId}/credit-notes")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'BILLING', 'ADMIN')")
    @Operation(summary = "Credit part or all of a bill with a numbered credit note (CN-2026-000001) that settles the"
            + " bill's open item first (422 CREDIT_NOTE_EXCEEDS_BILL: more than the bill has uncredited)")
    ResponseEntity<Map<String, Object>> issue(@PathVariable String billId, @Valid @RequestBody CreditNoteRequest body,
                                              Principal principal, HttpServletRequest request) {
        String creditNoteId = IdempotentIds.newId(request, principal, "credit-note");
        CreditNoteIssued issued = commands.send(new IssueCreditNote(creditNoteId, billId, body.amount(),
                RequestValues.currency(body.currency(), "currency", false), body.reason()),
                ErrorCode.BILL_NOT_FOUND, billId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("creditNoteId", issued.creditNoteId());
        answer.put("creditNoteNumber", issued.creditNoteNumber());
        answer.put("billId", issued.billId());
        answer.put("billNumber", issued.billNumber());
        answer.put("amount", issued.amount());
        answer.put("taxAmount", issued.taxAmount());
        answer.put("reason", issued.reason());
        return ResponseEntity.created(URI.create("/api/credit-notes/" + issued.creditNoteId())).body(answer);
    }
}
