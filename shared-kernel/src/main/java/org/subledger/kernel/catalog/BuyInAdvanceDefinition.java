package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;

import java.util.List;

/**
 * How subscriptions may buy service in advance: the durations allowed per subscription type (a type not listed may
 * not). Only one definition is EFFECTIVE at a time.
 */
public record BuyInAdvanceDefinition(String code,
                                     @Name String name,
                                     DefinitionState state,
                                     List<AllowedDuration> allowedDurations) {

    public BuyInAdvanceDefinition {
        allowedDurations = List.copyOf(allowedDurations == null ? List.of() : allowedDurations);
    }
}
