package org.subledger.platform.projectioncheck;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/audit/projection-checks}: rebuilds the named projections (none named, or {@code "all"}: every one)
 * from the event store and says whether the live read models are equal to them, or where they differ. It changes no
 * live data, so auditors may run it (the {@code /api/audit/**} rule); it answers when the check is done.
 */
@RestController
@RequestMapping("/api/audit/projection-checks")
@Tag(name = "audit")
public class ProjectionCheckController {

    private final ProjectionChecker checker;

    public ProjectionCheckController(ProjectionChecker checker) {
        this.checker = checker;
    }

    /** The projections to check, by processing group name. */
    public record CheckRequest(@Size(max = 50) List<@NotBlank @Size(max = 100) String> projections) {
    }

    @GetMapping
    @Operation(summary = "The projections a check can rebuild and compare")
    public Set<String> projections() {
        return checker.projections();
    }

    @PostMapping
    @Operation(summary = "Rebuild projections from the events in a scratch schema and compare them with the live ones")
    public ProjectionCheckReport check(@Valid @RequestBody(required = false) CheckRequest request) {
        List<String> names = request == null || request.projections() == null ? List.of() : request.projections();
        return checker.check(names.equals(List.of("all")) ? List.of() : names);
    }
}
