package org.subledger.platform.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Tamper evidence for auditors: the chain's digest now, the digests logged, and verification against a kept one. */
@RestController
@RequestMapping("/api/audit")
@Validated
@Tag(name = "audit")
public class AuditController {

    private final DigestLog digests;
    private final ChainVerifier verifier;
    private final JdbcTemplate jdbc;

    public AuditController(DigestLog digests, ChainVerifier verifier, JdbcTemplate jdbc) {
        this.digests = digests;
        this.verifier = verifier;
        this.jdbc = jdbc;
    }

    @GetMapping("/digest")
    @Operation(summary = "The hash chain's digest now: keep it elsewhere, verify against it later")
    public DigestLog.Digest digest() {
        return digests.current();
    }

    @GetMapping("/digests")
    @Operation(summary = "The digests written on schedule, newest first")
    public List<DigestLog.Digest> logged(@RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return jdbc.query("select position, hash, recorded_at from audit_digest order by id desc limit ? offset ?",
                (rows, n) -> new DigestLog.Digest(rows.getLong(1), rows.getString(2),
                        rows.getTimestamp(3).toInstant()), size, (long) page * size);
    }

    public record DigestRequest(@NotNull @Min(0) Long position,
                                @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "64 hexadecimal digits")
                                String hash) {
    }

    @PostMapping("/verify")
    @Operation(summary = "Recomputes the chain from the event table up to a kept digest: intact, or what differs")
    public Verification verify(@Valid @RequestBody DigestRequest digest) {
        return verifier.verify(digest.position(), digest.hash());
    }
}
