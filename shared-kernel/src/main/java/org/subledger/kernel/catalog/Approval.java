package org.subledger.kernel.catalog;

import java.util.List;

/**
 * Whether an ad hoc discount must be approved before it reaches a bill, and who may approve it: these users and/or
 * the members of these organisational units.
 */
public record Approval(boolean required, List<String> userNames, List<String> unitCodes) {

    public static final Approval NONE = new Approval(false, List.of(), List.of());

    public Approval {
        userNames = List.copyOf(userNames == null ? List.of() : userNames);
        unitCodes = List.copyOf(unitCodes == null ? List.of() : unitCodes);
    }
}
