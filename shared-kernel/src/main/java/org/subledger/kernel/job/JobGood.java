package org.subledger.kernel.job;

import org.subledger.kernel.input.Name;

/**
 * A physical good delivered through a job: a traceable one by its serial number (quantity 1), a non-traceable one by
 * quantity ({@code serialNumber} {@code null}). {@code lineId} identifies it on the job and on its bill line.
 */
public record JobGood(String lineId, String productCode, @Name(max = 100) String serialNumber, long quantity) {
}
