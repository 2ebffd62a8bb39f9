package org.subledger.command.organisation;

/**
 * The units as they stand, for rules that span units (a parent must exist, no unit under its own descendant). Kept
 * by {@link DirectoryUpdater} in the transaction of the command that changed a unit, so it is never behind.
 */
interface UnitHierarchy {

    boolean exists(String code);

    /** {@code code} is {@code ancestor} itself or somewhere under it. */
    boolean isWithin(String code, String ancestor);
}
