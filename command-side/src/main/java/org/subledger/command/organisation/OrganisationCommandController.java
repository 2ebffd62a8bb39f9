package org.subledger.command.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.organisation.OrganisationRequests.CollaborationRequest;
import org.subledger.command.organisation.OrganisationRequests.CreateUnitRequest;
import org.subledger.command.organisation.OrganisationRequests.CreateUserRequest;
import org.subledger.command.organisation.OrganisationRequests.MoveUnitRequest;
import org.subledger.command.organisation.OrganisationRequests.PasswordRequest;
import org.subledger.command.organisation.OrganisationRequests.RenameUnitRequest;
import org.subledger.command.organisation.OrganisationRequests.RolesRequest;
import org.subledger.command.organisation.OrganisationRequests.UnitsRequest;
import org.subledger.command.web.CommandSender;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.organisation.ChangeUserRoles;
import org.subledger.kernel.organisation.ChangeUserUnits;
import org.subledger.kernel.organisation.CreateUnit;
import org.subledger.kernel.organisation.CreateUser;
import org.subledger.kernel.organisation.DisableUser;
import org.subledger.kernel.organisation.EnableUser;
import org.subledger.kernel.organisation.EndCollaboration;
import org.subledger.kernel.organisation.MoveUnit;
import org.subledger.kernel.organisation.RenameUnit;
import org.subledger.kernel.organisation.SetUserPassword;
import org.subledger.kernel.organisation.StartCollaboration;

import java.net.URI;
import java.util.Map;

/**
 * Command API of the organisation, for administrators: units (create, rename, move, collaborate) and the ledger's
 * users (create, roles, units, enable or disable, reset the password). A user change takes effect on the user's
 * very next request. Creating the same unit or user again records nothing.
 */
@RestController
@RequestMapping("/api/organisation")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Organisation (commands)")
class OrganisationCommandController {

    private final CommandSender commands;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    OrganisationCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/units")
    @Operation(summary = "Create an organisational unit")
    ResponseEntity<Map<String, String>> createUnit(@Valid @RequestBody CreateUnitRequest body) {
        commands.send(new CreateUnit(body.code(), body.name(), body.kind(), body.parent()),
                ErrorCode.UNIT_NOT_FOUND, body.code());
        return ResponseEntity.created(URI.create("/api/organisation/units/" + body.code()))
                .body(Map.of("code", body.code()));
    }

    @PutMapping("/units/{code}/name")
    @Operation(summary = "Rename a unit")
    Map<String, String> renameUnit(@PathVariable String code, @Valid @RequestBody RenameUnitRequest body) {
        return unit(code, new RenameUnit(code, body.name()));
    }

    @PostMapping("/units/{code}/rename")
    @Operation(summary = "Rename a unit (the same as PUT …/name, for clients that only POST)")
    Map<String, String> renameUnitByPost(@PathVariable String code, @Valid @RequestBody RenameUnitRequest body) {
        return renameUnit(code, body);
    }

    @PostMapping("/units/{code}/move")
    @Operation(summary = "Put the unit under another parent (none: make it a root)")
    Map<String, String> moveUnit(@PathVariable String code, @Valid @RequestBody MoveUnitRequest body) {
        return unit(code, new MoveUnit(code, body.parent()));
    }

    @PostMapping("/units/{code}/collaborations")
    @Operation(summary = "Let the unit's members see and select what the members of unit 'with' may")
    Map<String, String> collaborate(@PathVariable String code, @Valid @RequestBody CollaborationRequest body) {
        return unit(code, new StartCollaboration(code, body.with()));
    }

    @DeleteMapping("/units/{code}/collaborations/{with}")
    @Operation(summary = "End a collaboration between two units")
    Map<String, String> endCollaboration(@PathVariable String code, @PathVariable String with) {
        return unit(code, new EndCollaboration(code, with));
    }

    @PostMapping("/units/{code}/collaborations/{with}/end")
    @Operation(summary = "End a collaboration (the same as DELETE, for clients that only POST)")
    Map<String, String> endCollaborationByPost(@PathVariable String code, @PathVariable String with) {
        return endCollaboration(code, with);
    }

    @PostMapping("/users")
    @Operation(summary = "Create a user of the ledger")
    ResponseEntity<Map<String, String>> createUser(@Valid @RequestBody CreateUserRequest body) {
        String hash = body.password() == null ? null : hash(body.password());
        commands.send(new CreateUser(body.userName(), body.displayName(), body.roles(), body.units(),
                body.superUser(), hash), ErrorCode.USER_NOT_FOUND, body.userName());
        return ResponseEntity.created(URI.create("/api/organisation/users/" + body.userName()))
                .body(Map.of("userName", body.userName()));
    }

    @PutMapping("/users/{userName}/roles")
    @Operation(summary = "Replace a user's roles and super-user flag")
    Map<String, String> changeRoles(@PathVariable String userName, @Valid @RequestBody RolesRequest body) {
        return user(userName, new ChangeUserRoles(userName, body.roles(), body.superUser()));
    }

    @PutMapping("/users/{userName}/units")
    @Operation(summary = "Make the user a member of these units; the first is the unit it acts for")
    Map<String, String> changeUnits(@PathVariable String userName, @Valid @RequestBody UnitsRequest body) {
        return user(userName, new ChangeUserUnits(userName, body.units()));
    }

    @PostMapping("/users/{userName}/disable")
    @Operation(summary = "Refuse the user's sign-ins and API keys from its next request on")
    Map<String, String> disable(@PathVariable String userName) {
        return user(userName, new DisableUser(userName));
    }

    @PostMapping("/users/{userName}/enable")
    @Operation(summary = "Enable a disabled user again")
    Map<String, String> enable(@PathVariable String userName) {
        return user(userName, new EnableUser(userName));
    }

    @PostMapping("/users/{userName}/password")
    @Operation(summary = "Reset the user's password; the old one is refused from the next request on")
    Map<String, String> resetPassword(@PathVariable String userName, @Valid @RequestBody PasswordRequest body) {
        return user(userName, new SetUserPassword(userName, hash(body.password())));
    }

    private Map<String, String> unit(String code, Object command) {
        commands.send(command, ErrorCode.UNIT_NOT_FOUND, code);
        return Map.of("code", code);
    }

    private Map<String, String> user(String userName, Object command) {
        commands.send(command, ErrorCode.USER_NOT_FOUND, userName);
        return Map.of("userName", userName);
    }

    private String hash(String password) {
        return "{bcrypt}" + bcrypt.encode(password);
    }
}
