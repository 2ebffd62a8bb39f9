package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;
import java.util.List;

/**
 * A usage service catalog of one provider: its validity, its usage services, and the conditions on the
 * subscription or account that make it selectable.
 */
public record UsageCatalogDefinition(String code,
                                     @Name String name,
                                     String providerCode,
                                     Validity validity,
                                     List<UsageServiceEntry> services,
                                     List<Condition> selectConditions) {

    public UsageCatalogDefinition {
        validity = validity == null ? Validity.ALWAYS : validity;
        services = List.copyOf(services == null ? List.of() : services);
        selectConditions = List.copyOf(selectConditions == null ? List.of() : selectConditions);
    }
}
