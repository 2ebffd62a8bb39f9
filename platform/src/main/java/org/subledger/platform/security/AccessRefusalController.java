package org.subledger.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' view of requests refused because the record was outside the user's access scope. */
@RestController
@RequestMapping("/api/audit/access-refusals")
@Validated
@Tag(name = "audit")
public class AccessRefusalController {

    private final AccessRefusals refusals;

    public AccessRefusalController(AccessRefusals refusals) {
        this.refusals = refusals;
    }

    @GetMapping
    @Operation(summary = "Access refusals, newest first: who asked for which record, for which unit, and when")
    public AccessRefusals.Page list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return refusals.list(page, size);
    }
}
