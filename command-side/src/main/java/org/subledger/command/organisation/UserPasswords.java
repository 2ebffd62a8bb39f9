package org.subledger.command.organisation;

/**
 * Where a user's password hash is kept: a table written in the transaction of the command that records
 * {@code UserPasswordSet}, never an event, never a log line.
 */
interface UserPasswords {

    void store(String userName, String passwordHash);
}
