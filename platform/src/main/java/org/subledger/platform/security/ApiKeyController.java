package org.subledger.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.input.Name;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.platform.security.ApiKeyStore.StoredKey;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * API keys of the signed-in user: create (the secret is in this answer only), list with last use, revoke. Managed
 * with a password only: a key cannot mint keys, so revoking a leaked key revokes everything it could do. An admin
 * sees and may revoke every user's keys.
 */
@RestController
@RequestMapping("/api/api-keys")
class ApiKeyController {

    private final ApiKeys apiKeys;

    ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    /** A new key: a name for people, and the roles it may use (a subset of the user's; all of them if left out). */
    record CreateApiKey(@NotBlank @Name(max = 100) @Size(max = 100) @Pattern(regexp = "[\\x20-\\x7E]*") String name,
                        @Size(max = 10) List<@NotBlank @Pattern(regexp = "[A-Z_]{1,32}") String> roles) {
    }

    record ApiKeyView(UUID id, String name, String prefix, String principal, Set<String> roles, Instant createdAt,
                      String createdBy, Instant lastUsedAt, Instant revokedAt, String revokedBy) {
        static ApiKeyView of(StoredKey key) {
            return new ApiKeyView(key.id(), key.name(), key.displayPrefix(), key.principal(), key.roles(),
                    key.createdAt(), key.createdBy(), key.lastUsedAt(), key.revokedAt(), key.revokedBy());
        }
    }

    record CreatedApiKey(UUID id, String name, String prefix, Set<String> roles, Instant createdAt, String key) {
    }

    record ApiKeyList(List<ApiKeyView> keys) {
    }

    @Operation(summary = "Create an API key; its secret is shown in this answer only")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedApiKey create(@Valid @RequestBody CreateApiKey request, Authentication authentication) {
        passwordOnly(authentication);
        try {
            var created = apiKeys.create(authentication.getName(), request.name(),
                    request.roles() == null ? Set.of() : new LinkedHashSet<>(request.roles()));
            var key = created.key();
            return new CreatedApiKey(key.id(), key.name(), key.displayPrefix(), key.roles(), key.createdAt(),
                    created.secret());
        } catch (IllegalArgumentException notYourRole) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "A key cannot have a role its user does not have",
                    Map.of("roles", "not a role of " + authentication.getName() + ": " + notYourRole.getMessage()));
        }
    }

    @Operation(summary = "The API keys of the signed-in user (every user's for an admin), with their last use")
    @GetMapping
    ApiKeyList list(Authentication authentication) {
        return new ApiKeyList(apiKeys.list(authentication.getName(), admin(authentication)).stream()
                .map(ApiKeyView::of).toList());
    }

    @Operation(summary = "Revoke an API key: refused from now on")
    @PostMapping("/{id}/revoke")
    ApiKeyView revoke(@PathVariable UUID id, Authentication authentication) {
        passwordOnly(authentication);
        return apiKeys.revoke(id, authentication.getName(), admin(authentication)).map(ApiKeyView::of)
                .orElseThrow(() -> new LedgerRefusal(ErrorCode.NOT_FOUND, "No such API key: " + id));
    }

    private static void passwordOnly(Authentication authentication) {
        if (authentication instanceof ApiKeyAuthentication) {
            throw new LedgerRefusal(ErrorCode.ACCESS_DENIED, "API keys are managed with a password, not a key");
        }
    }

    private static boolean admin(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
