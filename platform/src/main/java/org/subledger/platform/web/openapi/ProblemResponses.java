package org.subledger.platform.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.subledger.kernel.error.ErrorCode;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code application/problem+json} answers in the document: one {@code Problem} schema whose {@code code} lists
 * every {@link ErrorCode}, and one reusable response per {@link ErrorCode.Kind} (its HTTP status) narrowing
 * {@code code} to the codes of that kind. Built from the enum, so a new code is documented the moment it exists.
 */
final class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "Problem";

    private ProblemResponses() {
    }

    static void addTo(Components components) {
        components.addSchemas(PROBLEM_SCHEMA, problemSchema());
        for (ErrorCode.Kind kind : ErrorCode.Kind.values()) {
            components.addResponses(responseName(kind), response(kind));
        }
    }

    /** A reference to the reusable response of a kind, e.g. {@code #/components/responses/NotFound}. */
    static ApiResponse reference(ErrorCode.Kind kind) {
        return new ApiResponse().$ref("#/components/responses/" + responseName(kind));
    }

    static String responseName(ErrorCode.Kind kind) {
        var name = new StringBuilder();
        for (String word : kind.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    static List<String> codesOf(ErrorCode.Kind kind) {
        return Arrays.stream(ErrorCode.values()).filter(code -> code.kind() == kind).map(Enum::name).toList();
    }

    private static Schema<?> problemSchema() {
        var code = new StringSchema()._enum(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        code.description("The stable error code clients match on (never the message)");
        Schema<?> fields = new MapSchema().additionalProperties(new StringSchema())
                .description("Why each offending input was refused, by its name or JSON path");
        return new ObjectSchema()
                .description("An RFC 9457 problem (Spring's ProblemDetail) with the ledger's stable code")
                .addProperty("type", new StringSchema().format("uri").example("urn:subledger:problem:account-not-found"))
                .addProperty("title", new StringSchema().example("Not Found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("code", code)
                .addProperty("fields", fields)
                .required(List.of("type", "title", "status", "code"));
    }

    private static ApiResponse response(ErrorCode.Kind kind) {
        List<String> codes = codesOf(kind);
        Schema<?> narrowed = new ObjectSchema().addProperty("code", new StringSchema()._enum(codes));
        Schema<?> schema = new ComposedSchema()
                .addAllOfItem(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                .addAllOfItem(narrowed);
        return new ApiResponse()
                .description(kind.httpStatus() + ", problem+json with one of the codes " + String.join(", ", codes))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema)));
    }
}
