package org.subledger.command.posting;

/**
 * The posting ids an account has recorded, for exactly-once postings: kept in a table written in the command's
 * transaction rather than in the aggregate, whose state would otherwise grow with every posting for ever.
 */
public interface PostingIds {

    /**
     * Claims {@code postingId} for the account, in the current transaction: true the first time, false when the
     * account already recorded a posting with this id (a retry). A concurrent claim of the same id waits for the
     * other transaction and then answers false.
     */
    boolean claim(String accountId, String postingId);
}
