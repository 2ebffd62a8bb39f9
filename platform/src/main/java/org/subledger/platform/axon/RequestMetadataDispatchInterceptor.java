package org.subledger.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.platform.security.AccessScopes;
import org.subledger.platform.web.RequestMetadataFilter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command with who sent it and through which request, before it is dispatched: the authenticated
 * principal (or {@code system} for work the ledger does by itself), the unit it acts for and its access scope, the correlation id, the idempotency key and the
 * client's reference of the HTTP request. Metadata already present (a command sent while handling another message) is kept.
 */
public class RequestMetadataDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            var metaData = command.getMetaData();
            Map<String, Object> added = new HashMap<>();
            if (!metaData.containsKey(LedgerMetadata.PRINCIPAL)) {
                var authentication = SecurityContextHolder.getContext().getAuthentication();
                added.put(LedgerMetadata.PRINCIPAL, authentication != null && authentication.isAuthenticated()
                        ? authentication.getName() : LedgerMetadata.SYSTEM_PRINCIPAL);
                AccessScope scope = AccessScopes.of(authentication);
                added.put(LedgerMetadata.ACCESS_SCOPE, scope);
                if (scope.actingUnit() != null) {
                    added.put(LedgerMetadata.UNIT, scope.actingUnit());
                }
            }
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request != null) {
                addFromRequest(request, RequestMetadataFilter.CORRELATION_ID_ATTRIBUTE,
                        LedgerMetadata.CORRELATION_ID, metaData, added);
                addFromRequest(request, RequestMetadataFilter.IDEMPOTENCY_KEY_ATTRIBUTE,
                        LedgerMetadata.IDEMPOTENCY_KEY, metaData, added);
                addFromRequest(request, RequestMetadataFilter.CLIENT_REFERENCE_ATTRIBUTE,
                        LedgerMetadata.CLIENT_REFERENCE, metaData, added);
            }
            return added.isEmpty() ? command : command.andMetaData(added);
        };
    }

    private static void addFromRequest(RequestAttributes request, String attribute, String key,
                                       Map<String, ?> existing, Map<String, Object> added) {
        Object value = request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
        if (value != null && !existing.containsKey(key)) {
            added.put(key, value);
        }
    }
}
