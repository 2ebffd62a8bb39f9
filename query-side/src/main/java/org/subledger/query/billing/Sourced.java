package org.subledger.query.billing;

/** One fact behind a bill and the identifier of the stored event it came from, so an auditor can look it up. */
record Sourced<T>(T fact, String eventId) {
}
