package org.subledger.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.platform.web.input.InputRefusedException;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The problem of an unreadable request body, naming the offending field where there is one: a value out of bounds
 * or of the wrong type, and an unknown property, are {@code VALIDATION_FAILED}; JSON that is not one well-formed
 * document (a repeated key, trailing content, an empty body) is {@code MALFORMED_REQUEST}.
 */
final class BodyProblems {

    private static final String INVALID = "The request is not valid.";

    private BodyProblems() {
    }

    static ProblemDetail of(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof InputRefusedException refused && !refused.getPath().isEmpty()) {
            return Problems.of(ErrorCode.VALIDATION_FAILED, INVALID, Map.of(path(refused), refused.reason()));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Problems.of(ErrorCode.VALIDATION_FAILED, INVALID,
                    Map.of(path(unknown), "is not a property of this request"));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problems.of(ErrorCode.VALIDATION_FAILED, INVALID, Map.of(path(mapping), "has an invalid value"));
        }
        if (cause instanceof StreamReadException read && read.getProcessor() != null) {
            JsonParser parser = read.getProcessor();
            String field = path(parser.getParsingContext());
            if (!field.isEmpty()) {
                String problem = read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate")
                        ? "appears more than once" : "is not well-formed JSON";
                return Problems.of(ErrorCode.MALFORMED_REQUEST, "The request body is not one well-formed JSON "
                        + "document.", Map.of(field, problem));
            }
        }
        return Problems.of(ErrorCode.MALFORMED_REQUEST, "The request body is not one well-formed JSON document.",
                Map.of());
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String path(JsonStreamContext context) {
        var names = new ArrayDeque<String>();
        for (var at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                names.addFirst("." + at.getCurrentName());
            } else if (at.inArray()) {
                names.addFirst("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            }
        }
        String joined = String.join("", names);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }
}
