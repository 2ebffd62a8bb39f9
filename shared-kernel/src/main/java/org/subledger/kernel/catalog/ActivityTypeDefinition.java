package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;

import java.util.List;
import java.util.Optional;

/**
 * A kind of activity within a job: the one-time services it may deliver and, per service, its terms (minimum time,
 * fixed or changeable time, mandatory or optional). A service allowed without terms has no minimum time, a
 * changeable time and is optional.
 */
public record ActivityTypeDefinition(String code, @Name String name, List<String> allowedServices,
                                     List<ActivityServiceTerms> serviceTerms) {

    public ActivityTypeDefinition {
        allowedServices = List.copyOf(allowedServices == null ? List.of() : allowedServices);
        serviceTerms = List.copyOf(serviceTerms == null ? List.of() : serviceTerms);
    }

    /** An activity type whose services have no terms of their own. */
    public ActivityTypeDefinition(String code, String name, List<String> allowedServices) {
        this(code, name, allowedServices, List.of());
    }

    /** The terms of an allowed service: its own, or the defaults (no minimum, changeable, optional). */
    public Optional<ActivityServiceTerms> termsOf(String productCode) {
        if (!allowedServices.contains(productCode)) {
            return Optional.empty();
        }
        return Optional.of(serviceTerms.stream().filter(terms -> terms.productCode().equals(productCode))
                .findFirst().orElse(new ActivityServiceTerms(productCode, 0, false, false)));
    }
}
