package org.subledger.command.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.usage.UsageRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.subledger.command.subscription.UsageRequests.BatchRecordRequest;

/**
 * {@code POST /api/usage/batches} as newline-delimited JSON, for mediation feeds of any length: one record a line
 * (as in a JSON batch), read and recorded in chunks of {@value #CHUNK} lines (each chunk one mediation batch: one
 * unit of work per partition of its subscriptions, {@link MediationBatches}), and one outcome line per record
 * streamed back as each chunk is recorded, then a summary line. A line that is not a valid record is refused alone ({@code VALIDATION_FAILED}); the rest is recorded all the same. Runs
 * on the request's own thread, so the caller's identity and request metadata reach every command.
 */
@RestController
@Tag(name = "Subscriptions (usage and charges)")
class UsageStreamController {

    static final String NDJSON = "application/x-ndjson";
    /** As a JSON batch's usual size: one unit of work per chunk, and memory bounded per chunk. */
    private static final int CHUNK = 1_000;
    /** A record is a few hundred characters; a longer line is refused without being parsed. */
    private static final int MAX_LINE = 4_096;

    private final MediationBatches batches;
    private final ObjectMapper json;
    private final Validator validator;

    UsageStreamController(MediationBatches batches, ObjectMapper json, Validator validator) {
        this.batches = batches;
        this.json = json;
        this.validator = validator;
    }

    @PostMapping(value = "/api/usage/batches", consumes = NDJSON, produces = NDJSON)
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN')")
    @Operation(summary = "Record a stream of usage detail records (one JSON record a line); an outcome line each")
    void recordStream(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        OutputStream out = response.getOutputStream();
        Map<String, Integer> totals = new TreeMap<>(Map.of("accepted", 0, "duplicates", 0, "refused", 0));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(request.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<Line> chunk = new ArrayList<>();
            long number = 0;
            String text;
            while ((text = lines.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    chunk.add(parse(number, text));
                }
                if (chunk.size() == CHUNK) {
                    write(out, record(chunk), totals);
                    chunk.clear();
                }
            }
            write(out, record(chunk), totals);
        }
        out.write(json.writeValueAsBytes(Map.of("summary", totals)));
        out.write('\n');
        out.flush();
    }

    /** A line as read: its record, or why it is refused. */
    private record Line(long number, BatchRecordRequest record, RefusalDetails refusal) {
    }

    private Line parse(long number, String text) {
        if (text.length() > MAX_LINE) {
            return invalid(number, "is longer than " + MAX_LINE + " characters");
        }
        try {
            BatchRecordRequest record = json.readValue(text, BatchRecordRequest.class);
            if (record == null) {
                return invalid(number, "is not a record");
            }
            var violations = validator.validate(record);
            if (!violations.isEmpty()) {
                Map<String, String> fields = new TreeMap<>();
                violations.forEach(violation -> fields.putIfAbsent(violation.getPropertyPath().toString(),
                        violation.getMessage()));
                return new Line(number, null, new RefusalDetails(ErrorCode.VALIDATION_FAILED,
                        "Line " + number + " is not a valid usage record", fields));
            }
            return new Line(number, record, null);
        } catch (IOException malformed) {
            return invalid(number, "is not a JSON usage record");
        }
    }

    private static Line invalid(long number, String why) {
        return new Line(number, null, new RefusalDetails(ErrorCode.VALIDATION_FAILED,
                "Line " + number + " " + why, Map.of("line", why)));
    }

    /** The chunk as one mediation batch; an outcome per line, in the lines' order. */
    private List<Map<String, Object>> record(List<Line> chunk) {
        Map<String, List<Line>> bySubscription = new LinkedHashMap<>();
        for (Line line : chunk) {
            if (line.record() != null) {
                bySubscription.computeIfAbsent(line.record().subscriptionId(), id -> new ArrayList<>()).add(line);
            }
        }
        Map<Long, Map<String, Object>> outcomes = new TreeMap<>();
        chunk.stream().filter(line -> line.record() == null)
                .forEach(line -> outcomes.put(line.number(), outcome(line, "REFUSED", line.refusal())));
        Map<String, List<UsageRecord>> records = new LinkedHashMap<>();
        bySubscription.forEach((subscriptionId, lines) -> records.put(subscriptionId,
                lines.stream().map(line -> line.record().record()).toList()));
        for (var outcome : batches.record(records)) {
            List<Line> lines = bySubscription.get(outcome.subscriptionId());
            if (outcome.refusal() != null) {
                lines.forEach(line -> outcomes.put(line.number(), outcome(line, "REFUSED", outcome.refusal())));
                continue;
            }
            Set<String> accepted = new HashSet<>(outcome.recorded().accepted());
            Map<String, RefusalDetails> refused = new LinkedHashMap<>();
            outcome.recorded().refused().forEach(refusal -> refused.put(refusal.recordId(), refusal.problem()));
            for (Line line : lines) {
                String recordId = line.record().recordId();
                if (accepted.remove(recordId)) {
                    outcomes.put(line.number(), outcome(line, "ACCEPTED", null));
                } else if (refused.containsKey(recordId)) {
                    outcomes.put(line.number(), outcome(line, "REFUSED", refused.remove(recordId)));
                } else {
                    outcomes.put(line.number(), outcome(line, "DUPLICATE", null));
                }
            }
        }
        return new ArrayList<>(outcomes.values());
    }

    private static Map<String, Object> outcome(Line line, String status, RefusalDetails refusal) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("line", line.number());
        if (line.record() != null) {
            outcome.put("subscriptionId", line.record().subscriptionId());
            outcome.put("recordId", line.record().recordId());
        }
        outcome.put("status", status);
        if (refusal != null) {
            outcome.put("problem", UsageCommandController.problem(refusal));
        }
        return outcome;
    }

    private void write(OutputStream out, List<Map<String, Object>> outcomes, Map<String, Integer> totals)
            throws IOException {
        for (Map<String, Object> outcome : outcomes) {
            String key = switch ((String) outcome.get("status")) {
                case "ACCEPTED" -> "accepted";
                case "DUPLICATE" -> "duplicates";
                default -> "refused";
            };
            totals.merge(key, 1, Integer::sum);
            out.write(json.writeValueAsBytes(outcome));
            out.write('\n');
        }
        out.flush(); // each chunk's outcomes reach the client as soon as the chunk is recorded
    }
}
