package org.subledger.query.organisation;

import io.swagger.v3.oas.annotations.Operation;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.query.organisation.OrganisationReadModel.UnitView;
import org.subledger.query.organisation.OrganisationReadModel.UserView;

import java.time.Instant;
import java.util.List;

/**
 * The organisation as the read models show it: units (optionally the children of one) and users (optionally the
 * members of one unit), in code and name order. Open to every signed-in user: who is in which unit is no secret
 * inside the operator, and passwords are in no read model.
 */
@RestController
@RequestMapping("/api/organisation")
@Tag(name = "Organisation (queries)")
class OrganisationQueryController {

    /** The operator's whole organisation fits in one answer; the cap only bounds a mistaken one. */
    private static final int MAX_ROWS = 1000;

    private final OrganisationReadModel readModel;
    private final OrganisationAsOf asOfReader;

    OrganisationQueryController(OrganisationReadModel readModel, OrganisationAsOf asOfReader) {
        this.readModel = readModel;
        this.asOfReader = asOfReader;
    }

    @GetMapping("/units")
    @Operation(summary = "Organisational units, all or under a parent")
    List<UnitView> units(@RequestParam(required = false) String parent) {
        return readModel.units(parent, MAX_ROWS);
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "One organisational unit, now or as it stood at asOf")
    UnitView unit(@PathVariable String code, @RequestParam(required = false) Instant asOf) {
        if (asOf != null) {
            return asOfReader.unit(code, asOf, readModel.units(null, MAX_ROWS).stream().map(UnitView::code).toList());
        }
        return readModel.unit(code)
                .orElseThrow(() -> new LedgerRefusal(ErrorCode.UNIT_NOT_FOUND, "No unit " + code + "."));
    }

    @GetMapping("/users")
    @Operation(summary = "Users, all or of a unit")
    List<UserView> users(@RequestParam(required = false) String unit) {
        return readModel.users(unit, MAX_ROWS);
    }

    @GetMapping("/users/{userName}")
    @Operation(summary = "One user: roles, units, enabled; now or as it stood at asOf")
    UserView user(@PathVariable String userName, @RequestParam(required = false) Instant asOf) {
        if (asOf != null) {
            return asOfReader.user(userName, asOf);
        }
        return readModel.user(userName)
                .orElseThrow(() -> new LedgerRefusal(ErrorCode.USER_NOT_FOUND, "No user " + userName + "."));
    }
}
