package org.subledger.kernel.organisation;

/**
 * Aggregate identifiers of units and users: the unit's code or the user's name prefixed by its kind, so the event
 * store's unique (aggregate id, sequence number) makes both unique without any lookup.
 */
public final class OrganisationIds {

    private OrganisationIds() {
    }

    public static String unit(String code) {
        return "unit:" + code;
    }

    public static String user(String userName) {
        return "user:" + userName;
    }
}
