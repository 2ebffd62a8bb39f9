package org.subledger.kernel.catalog;

import java.math.BigDecimal;

/** The percentages an agent may choose from for an ad hoc percentage discount, both inclusive. */
public record PercentageRange(BigDecimal min, BigDecimal max) {
}
