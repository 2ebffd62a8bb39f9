package org.subledger.platform.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.subledger.kernel.error.ErrorCode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Makes the OpenAPI document a whole contract by rules that hold for every operation, so an endpoint added by anyone
 * is documented the same way without a line in its controller: a tag for people ({@link ApiTags}), the problem
 * answers its verb can give ({@link ProblemResponses}), the {@code Idempotency-Key} header on commands, amounts as
 * they are written ({@link MoneySchema}), and operation ids that do not depend on the order controllers were found
 * in. Summaries stay with each operation ({@code @Operation(summary = …)}); {@code ApiContractIT} refuses one without.
 */
public final class ApiContract implements OpenApiCustomizer {

    static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    private static final Set<PathItem.HttpMethod> COMMANDS = EnumSet.of(PathItem.HttpMethod.POST,
            PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    /** Before the first document is built: types the document would otherwise show by their Java getters. */
    public static void registerSchemas() {
        MoneySchema.register();
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        ProblemResponses.addTo(components);
        MoneySchema.addTo(components);
        components.addParameters(IDEMPOTENCY_KEY, idempotencyKey());
        if (api.getPaths() == null) {
            return;
        }
        Set<String> tags = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String tag = ApiTags.of(path);
            operation.setTags(new ArrayList<>(List.of(tag)));
            tags.add(tag);
            addProblems(path, method, operation);
            if (COMMANDS.contains(method) && honoursIdempotencyKey(path)) {
                operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + IDEMPOTENCY_KEY));
            }
        }));
        api.setTags(tags.stream().map(name -> new Tag().name(name)).toList());
        OperationIds.makeStable(api.getPaths());
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        Set<ErrorCode.Kind> kinds = EnumSet.of(ErrorCode.Kind.INVALID, ErrorCode.Kind.UNAUTHENTICATED,
                ErrorCode.Kind.FORBIDDEN, ErrorCode.Kind.TOO_MANY_REQUESTS, ErrorCode.Kind.UNAVAILABLE);
        if (path.contains("{")) {
            kinds.add(ErrorCode.Kind.NOT_FOUND);
        }
        if (COMMANDS.contains(method)) {
            kinds.add(ErrorCode.Kind.CONFLICT);
            kinds.add(ErrorCode.Kind.REFUSED);
            if (operation.getRequestBody() != null) {
                kinds.add(ErrorCode.Kind.TOO_LARGE);
                kinds.add(ErrorCode.Kind.UNSUPPORTED_MEDIA_TYPE);
            }
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        // the success answers first, then the problems by status, whatever the controller declared itself
        var sorted = new TreeMap<String, io.swagger.v3.oas.models.responses.ApiResponse>(responses);
        for (ErrorCode.Kind kind : kinds) {
            sorted.putIfAbsent(Integer.toString(kind.httpStatus()), ProblemResponses.reference(kind));
        }
        responses.clear();
        responses.putAll(sorted);
        operation.setResponses(responses);
    }

    /** Customer logins carry a token or a password, which the idempotency store must never keep: the key is ignored. */
    private static boolean honoursIdempotencyKey(String path) {
        return path.startsWith("/api/") && !path.endsWith("/customer-login")
                && !path.startsWith("/api/customer-login/");
    }

    private static Parameter idempotencyKey() {
        return new HeaderParameter().name("Idempotency-Key").required(false)
                .schema(new StringSchema().maxLength(255))
                .description("Makes a retry safe: the first request with a key runs and its answer is kept; a repeat"
                        + " with the same key and body gets that answer again (Idempotent-Replayed: true) and records"
                        + " nothing; the same key with another body answers 409 IDEMPOTENCY_KEY_REUSED. Keys are per"
                        + " user; a request refused as input (4xx other than 404, 409, 422) leaves the key free.");
    }
}
