package org.subledger.kernel.job;

/** An expense of a job: a service billed once for the fixed amount its price plan rates it at (an installation fee). */
public record JobExpense(String lineId, String productCode) {
}
