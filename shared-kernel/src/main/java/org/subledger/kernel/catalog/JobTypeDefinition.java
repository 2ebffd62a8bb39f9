package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;
import java.util.List;

/** A kind of job (installation, repair): the expenses and physical goods that jobs of this type may sell. */
public record JobTypeDefinition(String code, @Name String name, List<String> allowedProducts) {

    public JobTypeDefinition {
        allowedProducts = List.copyOf(allowedProducts == null ? List.of() : allowedProducts);
    }
}
