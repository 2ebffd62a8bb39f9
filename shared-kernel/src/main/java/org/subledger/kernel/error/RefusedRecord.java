package org.subledger.kernel.error;

/** The record (type such as {@code account}, and id) a user's access scope did not reach. */
public record RefusedRecord(String type, String id) {
}
