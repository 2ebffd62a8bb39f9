package org.subledger.command.idempotency;

import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.UUID;

/**
 * Ids of the things a command request creates (an account, a posting). With an {@code Idempotency-Key} the id is
 * derived from the principal, the key and the purpose, so a request re-run after a crash addresses the same
 * posting and the aggregate records it once; without a key the id is random.
 */
public final class IdempotentIds {

    private IdempotentIds() {
    }

    public static String newId(HttpServletRequest request, Principal principal, String purpose) {
        String key = request.getHeader(IdempotencyFilter.HEADER);
        if (key == null || key.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String seed = principal.getName() + "\u0000" + key + "\u0000" + purpose;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
