package org.subledger.command.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.idempotency.IdempotentIds;
import org.subledger.command.web.CommandSender;
import org.subledger.command.web.RequestValues;
import org.subledger.kernel.account.AmendCreditLimit;
import org.subledger.kernel.account.ChangeClassification;
import org.subledger.kernel.account.ChangeCreditRating;
import org.subledger.kernel.account.CloseAccount;
import org.subledger.kernel.account.CompanyDetails;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.OpenAccount;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.account.PostAdjustment;
import org.subledger.kernel.account.PostCharge;
import org.subledger.kernel.account.PostCredit;
import org.subledger.kernel.account.RecordPayment;
import org.subledger.kernel.error.ErrorCode;

import java.net.URI;
import java.security.Principal;
import java.util.Map;

import static org.subledger.command.account.AccountRequests.AdjustmentRequest;
import static org.subledger.command.account.AccountRequests.ClassificationRequest;
import static org.subledger.command.account.AccountRequests.CloseRequest;
import static org.subledger.command.account.AccountRequests.CreditLimitRequest;
import static org.subledger.command.account.AccountRequests.CreditRatingRequest;
import static org.subledger.command.account.AccountRequests.OpenAccountRequest;
import static org.subledger.command.account.AccountRequests.PaymentRequest;
import static org.subledger.command.account.AccountRequests.PostingRequest;

/** Command API of accounts receivable. Every endpoint honours {@code Idempotency-Key}. */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Accounts (commands)")
class AccountCommandController {

    private final CommandSender commands;

    AccountCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Open an account for a person or a company")
    ResponseEntity<Map<String, String>> open(@Valid @RequestBody OpenAccountRequest body, Principal principal,
                                             HttpServletRequest request) {
        String accountId = IdempotentIds.newId(request, principal, "account");
        var person = body.type() == CustomerType.PERSON
                ? new PersonDetails(body.firstName(), body.lastName(), body.identityNumber()) : null;
        var company = body.type() == CustomerType.COMPANY
                ? new CompanyDetails(body.companyName(), body.registrationNumber(), body.vatNumber()) : null;
        commands.send(new OpenAccount(accountId, body.type(), person, company,
                new ContactDetails(body.email(), body.phone(), body.address()),
                RequestValues.currency(body.currency(), "currency", true), body.creditLimit(),
                body.creditRating(), body.classification(), principal.getName(), body.owningUnit()),
                ErrorCode.ACCOUNT_NOT_FOUND,
                accountId);
        return ResponseEntity.created(URI.create("/api/accounts/" + accountId)).body(Map.of("accountId", accountId));
    }

    @PostMapping("/{accountId}/charges")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN')")
    @Operation(summary = "Charge the customer: the balance grows")
    ResponseEntity<Map<String, String>> charge(@PathVariable String accountId, @Valid @RequestBody PostingRequest body,
                                               Principal principal, HttpServletRequest request) {
        String postingId = IdempotentIds.newId(request, principal, "posting");
        commands.send(new PostCharge(accountId, postingId, body.amount(),
                RequestValues.currency(body.currency(), "currency", false), body.description(), body.reference()),
                ErrorCode.ACCOUNT_NOT_FOUND, accountId);
        return posted(accountId, postingId);
    }

    @PostMapping("/{accountId}/credits")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'BILLING', 'ADMIN')")
    @Operation(summary = "Credit the customer: the balance falls")
    ResponseEntity<Map<String, String>> credit(@PathVariable String accountId, @Valid @RequestBody PostingRequest body,
                                               Principal principal, HttpServletRequest request) {
        String postingId = IdempotentIds.newId(request, principal, "posting");
        commands.send(new PostCredit(accountId, postingId, body.amount(),
                RequestValues.currency(body.currency(), "currency", false), body.description(), body.reference()),
                ErrorCode.ACCOUNT_NOT_FOUND, accountId);
        return posted(accountId, postingId);
    }

    @PostMapping("/{accountId}/payments")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN')")
    @Operation(summary = "Record a payment received from the customer: the balance falls; it settles the bill it names"
            + " (billId) first, else the oldest open bills (422 BILL_NOT_OPEN: the bill named is not open)")
    ResponseEntity<Map<String, String>> pay(@PathVariable String accountId, @Valid @RequestBody PaymentRequest body,
                                            Principal principal, HttpServletRequest request) {
        String postingId = IdempotentIds.newId(request, principal, "posting");
        commands.send(new RecordPayment(accountId, postingId, body.amount(),
                RequestValues.currency(body.currency(), "currency", false), body.description(), body.reference(),
                body.billId()),
                ErrorCode.ACCOUNT_NOT_FOUND, accountId);
        return posted(accountId, postingId);
    }

    @PostMapping("/{accountId}/adjustments")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'BILLING', 'ADMIN')")
    @Operation(summary = "Correct the balance up (DEBIT) or down (CREDIT), with a reason")
    ResponseEntity<Map<String, String>> adjust(@PathVariable String accountId,
                                               @Valid @RequestBody AdjustmentRequest body,
                                               Principal principal, HttpServletRequest request) {
        String postingId = IdempotentIds.newId(request, principal, "posting");
        commands.send(new PostAdjustment(accountId, postingId, body.amount(),
                RequestValues.currency(body.currency(), "currency", false), body.direction(), body.reason()),
                ErrorCode.ACCOUNT_NOT_FOUND, accountId);
        return posted(accountId, postingId);
    }

    @PutMapping("/{accountId}/credit-limit")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Amend the credit limit")
    Map<String, Object> creditLimit(@PathVariable String accountId, @Valid @RequestBody CreditLimitRequest body) {
        commands.send(new AmendCreditLimit(accountId, body.creditLimit(),
                RequestValues.currency(body.currency(), "currency", false), body.reason()),
                ErrorCode.ACCOUNT_NOT_FOUND, accountId);
        return Map.of("accountId", accountId, "creditLimit", body.creditLimit());
    }

    @PutMapping("/{accountId}/credit-rating")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Change the customer's credit rating")
    Map<String, Object> creditRating(@PathVariable String accountId, @Valid @RequestBody CreditRatingRequest body) {
        commands.send(new ChangeCreditRating(accountId, body.creditRating()), ErrorCode.ACCOUNT_NOT_FOUND, accountId);
        return Map.of("accountId", accountId, "creditRating", body.creditRating());
    }

    @PutMapping("/{accountId}/classification")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Reclassify the account (e.g. VIP, RESIDENTIAL, CORPORATE)")
    Map<String, Object> classification(@PathVariable String accountId,
                                       @Valid @RequestBody ClassificationRequest body) {
        commands.send(new ChangeClassification(accountId, body.classification()), ErrorCode.ACCOUNT_NOT_FOUND,
                accountId);
        return Map.of("accountId", accountId, "classification", body.classification());
    }

    @PostMapping("/{accountId}/close")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Close the account; only at a zero balance and once its subscriptions are terminated")
    Map<String, Object> close(@PathVariable String accountId, @Valid @RequestBody(required = false) CloseRequest body) {
        commands.send(new CloseAccount(accountId, body == null ? null : body.reason()), ErrorCode.ACCOUNT_NOT_FOUND,
                accountId);
        return Map.of("accountId", accountId, "closed", true);
    }

    private static ResponseEntity<Map<String, String>> posted(String accountId, String postingId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("accountId", accountId, "postingId", postingId));
    }
}
