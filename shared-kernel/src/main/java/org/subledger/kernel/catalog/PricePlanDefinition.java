package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;
import java.util.List;

/**
 * A price plan. A conditional plan names its base plan; its {@code selectConditions} decide whether it may be
 * chosen when a subscription or job is created or changed, its {@code applyConditions} whether its rates apply at
 * billing (else the base plan's rates do). Only users of the allowed organisational units may select it (none
 * listed: everybody).
 */
public record PricePlanDefinition(String code,
                                  @Name String name,
                                  PricePlanKind kind,
                                  String basePlanCode,
                                  String currency,
                                  List<Condition> selectConditions,
                                  List<Condition> applyConditions,
                                  List<String> allowedOrganisationalUnits) {

    public PricePlanDefinition {
        selectConditions = List.copyOf(selectConditions == null ? List.of() : selectConditions);
        applyConditions = List.copyOf(applyConditions == null ? List.of() : applyConditions);
        allowedOrganisationalUnits = List.copyOf(allowedOrganisationalUnits == null ? List.of()
                : allowedOrganisationalUnits);
    }
}
