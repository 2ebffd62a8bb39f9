package org.subledger.command.customerlogin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.web.CommandSender;
import org.subledger.kernel.account.ActivateCustomerLogin;
import org.subledger.kernel.account.InviteCustomerLogin;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Customer logins: an agent hands the customer a one-time activation token (shown once, in this answer only), the
 * customer sets its password with it. Activation is open to anyone holding a token; a token that does not look like
 * one, or is not outstanding, is refused before bcrypt runs, so guessing costs the ledger one index probe.
 */
@RestController
@Tag(name = "Customer logins")
class CustomerLoginController {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;

    record ActivationRequest(@NotNull @Size(max = 64) String token,
                             @NotNull @Size(min = MIN_PASSWORD, max = MAX_PASSWORD) String password) {
        @Override
        public String toString() {
            return "ActivationRequest[…]";
        }
    }

    private final CommandSender commands;
    private final CustomerLogins logins;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Duration tokenValidity;

    CustomerLoginController(CommandSender commands, CustomerLogins logins, PasswordEncoder passwords, Clock clock,
                            @Value("${ledger.customer-logins.token-validity:P7D}") Duration tokenValidity) {
        this.commands = commands;
        this.logins = logins;
        this.passwords = passwords;
        this.clock = clock;
        if (tokenValidity.isNegative() || tokenValidity.isZero()) {
            throw new IllegalStateException("ledger.customer-logins.token-validity must be positive, e.g. P7D");
        }
        this.tokenValidity = tokenValidity;
    }

    @PostMapping("/api/accounts/{accountId}/customer-login")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN')")
    @Operation(summary = "Issue the customer a one-time activation token (replaces any earlier one)")
    ResponseEntity<Map<String, Object>> invite(@PathVariable String accountId) {
        String token = ActivationTokens.newToken();
        Instant expiresAt = clock.instant().plus(tokenValidity);
        commands.send(new InviteCustomerLogin(accountId, ActivationTokens.hash(token), expiresAt),
                ErrorCode.ACCOUNT_NOT_FOUND, accountId);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("accountId", accountId, "login", accountId,
                "activationToken", token, "expiresAt", expiresAt.toString()));
    }

    @PostMapping("/api/customer-login/activate")
    @Operation(summary = "Set the customer's password with its activation token (once)")
    Map<String, Object> activate(@Valid @RequestBody ActivationRequest body) {
        if (!ActivationTokens.wellFormed(body.token())) {
            throw invalidToken();
        }
        String tokenHash = ActivationTokens.hash(body.token());
        String accountId = logins.accountOfToken(tokenHash).orElseThrow(CustomerLoginController::invalidToken);
        var command = GenericCommandMessage.asCommandMessage(
                        new ActivateCustomerLogin(accountId, tokenHash, passwords.encode(body.password())))
                // the customer is not authenticated yet: it acts as the login it is activating
                .andMetaData(Map.of(LedgerMetadata.PRINCIPAL, "customer:" + accountId));
        commands.send(command, ErrorCode.ACTIVATION_TOKEN_INVALID, accountId);
        return Map.of("accountId", accountId, "login", accountId);
    }

    static LedgerRefusal invalidToken() {
        return new LedgerRefusal(ErrorCode.ACTIVATION_TOKEN_INVALID,
                "The activation token is unknown, used, replaced by a newer one or expired.");
    }
}
