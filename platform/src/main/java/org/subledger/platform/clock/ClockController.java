package org.subledger.platform.clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox's test clock, as Kill Bill has one: read the ledger's time, and move its business date forward so that
 * bill runs, scheduled actions and due dates come as they would in the weeks ahead. Administrators only, and refused
 * unless the node runs with {@code ledger.clock.adjustable=true} (never in production).
 */
@RestController
@RequestMapping("/api/admin/clock")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration")
public class ClockController {

    private static final Logger LOG = LoggerFactory.getLogger(ClockController.class);
    /** Far enough for any rehearsal; a typo of a century is refused. */
    private static final int MAX_YEARS_AHEAD = 50;

    private final Clock clock;

    public ClockController(Clock clock) {
        this.clock = clock;
    }

    /** The business date to move to; the time of day stays. */
    public record MoveClockRequest(@NotNull LocalDate today) {
    }

    @GetMapping
    @Operation(summary = "The ledger's time and business date, and whether this node's clock can be moved")
    public Map<String, Object> read() {
        return view();
    }

    @PutMapping
    @Operation(summary = "Move the ledger's business date forward (sandboxes: ledger.clock.adjustable=true)")
    public Map<String, Object> move(@Valid @RequestBody MoveClockRequest body, Principal principal) {
        if (!(clock instanceof AdjustableClock adjustable)) {
            throw new LedgerRefusal(ErrorCode.CLOCK_NOT_ADJUSTABLE, "This ledger's clock is the system's: start it"
                    + " with ledger.clock.adjustable=true (sandboxes only) to move it.");
        }
        var now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (body.today().isBefore(today)) {
            throw new LedgerRefusal(ErrorCode.CLOCK_CANNOT_GO_BACK, "The ledger's date is " + today
                    + "; its clock only moves forward (events are recorded in time order).",
                    Map.of("today", "is before " + today));
        }
        if (body.today().isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "At most " + MAX_YEARS_AHEAD + " years ahead.",
                    Map.of("today", "is more than " + MAX_YEARS_AHEAD + " years ahead"));
        }
        adjustable.advance(Duration.between(today.atStartOfDay(), body.today().atStartOfDay()));
        LOG.info("{} moved the ledger's clock from {} to {}", principal.getName(), today, body.today());
        return view();
    }

    private Map<String, Object> view() {
        var now = clock.instant();
        var view = new LinkedHashMap<String, Object>();
        view.put("now", now.toString());
        view.put("today", LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
        view.put("adjustable", clock instanceof AdjustableClock);
        view.put("offset", clock instanceof AdjustableClock adjustable ? adjustable.offset().toString() : null);
        return view;
    }
}
