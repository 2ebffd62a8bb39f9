package org.subledger.kernel.access;

import java.util.Set;

/**
 * What the user behind a command or query may see and select, resolved once when the request is authenticated and
 * carried on the command's metadata ({@code LedgerMetadata.ACCESS_SCOPE}, never copied onto events). Aggregates check
 * it against the unit that owns them, so the decision needs no read model.
 *
 * @param principal        the user name (or the customer login)
 * @param actingUnit       the unit the user acts for, recorded on every event ({@code LedgerMetadata.UNIT}); new
 *                         accounts and subscriptions are owned by it; {@code null} for users of no unit
 * @param units            the units whose records this user may read and change and whose restricted catalog entries
 *                         this user may select: the units the user belongs to, their descendants, and the units they
 *                         collaborate with
 * @param superUser        sees and changes everything
 * @param superReader      reads everything (auditors, reporting tools) but changes nothing beyond its role
 * @param customerAccounts for a customer login, the accounts it may read; empty for staff
 */
public record AccessScope(String principal, String actingUnit, Set<String> units, boolean superUser,
                          boolean superReader, Set<String> customerAccounts) {

    public AccessScope {
        units = units == null ? Set.of() : Set.copyOf(units);
        customerAccounts = customerAccounts == null ? Set.of() : Set.copyOf(customerAccounts);
    }

    /** The ledger itself (schedules, sagas) and the configured bootstrap users: everything. */
    public static AccessScope everything(String principal) {
        return new AccessScope(principal, null, Set.of(), true, true, Set.of());
    }

    public boolean isCustomer() {
        return !customerAccounts.isEmpty();
    }

    /** May change (and read) a record owned by {@code owningUnit}; a record of no unit (before units existed) is open to staff. */
    public boolean mayChange(String owningUnit) {
        if (isCustomer()) {
            return false;
        }
        return superUser || owningUnit == null || units.contains(owningUnit);
    }

    /** May read a record owned by {@code owningUnit}; customers use {@link #mayReadAccount} instead. */
    public boolean mayRead(String owningUnit) {
        return superReader || mayChange(owningUnit);
    }

    public boolean mayReadAccount(String accountId, String owningUnit) {
        return isCustomer() ? customerAccounts.contains(accountId) : mayRead(owningUnit);
    }

    /** May select a catalog entry restricted to {@code allowedUnits} (empty: open to everyone). */
    public boolean maySelect(Set<String> allowedUnits) {
        if (allowedUnits == null || allowedUnits.isEmpty() || superUser) {
            return true;
        }
        for (String unit : allowedUnits) {
            if (units.contains(unit)) {
                return true;
            }
        }
        return false;
    }
}
