package org.subledger.command.organisation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.subledger.kernel.input.Name;
import org.subledger.kernel.organisation.UnitKind;

import java.util.List;
import java.util.Set;

/** Bodies of the organisation's command endpoints. Passwords are hashed at the edge and go no further in clear. */
final class OrganisationRequests {

    private OrganisationRequests() {
    }

    record CreateUnitRequest(@NotNull String code, @NotNull @Name(max = 200) String name, @NotNull UnitKind kind,
                             String parent) {
    }

    record RenameUnitRequest(@NotNull @Name(max = 200) String name) {
    }

    record MoveUnitRequest(String parent) {
    }

    record CollaborationRequest(@NotNull String with) {
    }

    /** bcrypt reads 72 bytes of a password at most: a longer one would be cut without telling. */
    record CreateUserRequest(@NotNull String userName, @NotNull @Name(max = 200) String displayName,
                             @NotNull @Size(min = 1, max = 6) Set<String> roles,
                             @NotNull @Size(min = 1, max = 20) List<String> units,
                             boolean superUser,
                             @Size(min = 8, max = 72) @Name(max = 72) String password) {

        @Override
        public String toString() {
            return "CreateUserRequest[userName=" + userName + ", password=***]";
        }
    }

    record RolesRequest(@NotNull @Size(min = 1, max = 6) Set<String> roles, boolean superUser) {
    }

    record UnitsRequest(@NotNull @Size(min = 1, max = 20) List<String> units) {
    }

    record PasswordRequest(@NotNull @Size(min = 8, max = 72) @Name(max = 72) String password) {

        @Override
        public String toString() {
            return "PasswordRequest[password=***]";
        }
    }
}
