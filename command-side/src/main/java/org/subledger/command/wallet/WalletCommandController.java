package org.subledger.command.wallet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.idempotency.IdempotentIds;
import org.subledger.command.web.CommandSender;
import org.subledger.command.web.RequestValues;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.input.FreeText;
import org.subledger.kernel.input.Name;
import org.subledger.kernel.wallet.TopUpWallet;
import org.subledger.kernel.wallet.TransferWalletFunds;
import org.subledger.kernel.wallet.WalletIds;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.Map;

/**
 * Command API of an account's wallet. Every endpoint honours {@code Idempotency-Key}: a top-up or transfer repeated
 * with the same key moves the funds once (the filter answers the repeat with the first response, and the id derived
 * from the key makes the wallet recognise one that reaches it anyway).
 */
@RestController
@RequestMapping("/api/accounts/{accountId}/wallet")
@Tag(name = "Wallets (commands)")
class WalletCommandController {

    record TopUpRequest(@NotNull BigDecimal amount, String currency, @Name(max = 200) String reference) {
    }

    record TransferRequest(@NotNull String toAccountId, @NotNull BigDecimal amount, String currency,
                           @FreeText(max = 500) String note) {
    }

    private final CommandSender commands;

    WalletCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/top-ups")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN')")
    @Operation(summary = "Pay money into the account's wallet (prepaid funds; the account's balance does not move)")
    ResponseEntity<Map<String, String>> topUp(@PathVariable String accountId, @Valid @RequestBody TopUpRequest body,
                                              Principal principal, HttpServletRequest request) {
        String topUpId = IdempotentIds.newId(request, principal, "wallet-top-up");
        String walletId = WalletIds.of(accountId);
        commands.send(new TopUpWallet(walletId, accountId, topUpId, body.amount(),
                RequestValues.currency(body.currency(), "currency", false), body.reference()),
                ErrorCode.ACCOUNT_NOT_FOUND, accountId);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("accountId", accountId, "walletId", walletId, "topUpId", topUpId));
    }

    @PostMapping("/transfers")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'BILLING', 'ADMIN')")
    @Operation(summary = "Move funds from this account's wallet to another account's")
    ResponseEntity<Map<String, String>> transfer(@PathVariable String accountId,
                                                 @Valid @RequestBody TransferRequest body, Principal principal,
                                                 HttpServletRequest request) {
        String transferId = IdempotentIds.newId(request, principal, "wallet-transfer");
        commands.send(new TransferWalletFunds(accountId, body.toAccountId(), transferId, body.amount(),
                RequestValues.currency(body.currency(), "currency", false), body.note()),
                ErrorCode.ACCOUNT_NOT_FOUND, accountId);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("accountId", accountId,
                "toAccountId", body.toAccountId(), "transferId", transferId));
    }
}
