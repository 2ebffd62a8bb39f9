package org.subledger.kernel.catalog.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A catalog entry as readers see it: its kind and code, its name (a product's description), the whole definition as
 * JSON text, and the columns lists are filtered by (null where the kind has no such thing): a product's type and
 * family, the validity of a product or usage catalog (inclusive dates, null: open), a usage catalog's provider.
 * {@code version} is the sequence number of the last definition event reflected.
 */
public record CatalogEntry(CatalogKind kind,
                           String code,
                           String name,
                           String productTypeCode,
                           String family,
                           LocalDate validFrom,
                           LocalDate validTo,
                           String providerCode,
                           String definitionJson,
                           Instant createdAt,
                           Instant updatedAt,
                           long version) {
}
