package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;
import java.util.List;

/** A kind of activity within a job: the one-time services it may deliver. */
public record ActivityTypeDefinition(String code, @Name String name, List<String> allowedServices) {

    public ActivityTypeDefinition {
        allowedServices = List.copyOf(allowedServices == null ? List.of() : allowedServices);
    }
}
