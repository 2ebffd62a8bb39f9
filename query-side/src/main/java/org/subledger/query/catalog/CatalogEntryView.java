package org.subledger.query.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.subledger.kernel.catalog.query.CatalogEntry;
import org.subledger.kernel.catalog.query.CatalogKind;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A catalog entry in the query API: the columns lists filter on (only those the kind has) and the whole
 * {@code definition} as a JSON object, as it was entered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogEntryView(CatalogKind kind,
                               String code,
                               String name,
                               String productTypeCode,
                               String family,
                               LocalDate validFrom,
                               LocalDate validTo,
                               String providerCode,
                               @JsonRawValue String definition,
                               Instant createdAt,
                               Instant updatedAt,
                               long version) {

    static CatalogEntryView of(CatalogEntry entry) {
        return new CatalogEntryView(entry.kind(), entry.code(), entry.name(), entry.productTypeCode(), entry.family(),
                entry.validFrom(), entry.validTo(), entry.providerCode(), entry.definitionJson(), entry.createdAt(),
                entry.updatedAt(), entry.version());
    }
}
