package org.subledger.query.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.subledger.kernel.catalog.query.CatalogEntry;
import org.subledger.kernel.catalog.query.CatalogKind;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A catalog entry in the query API: the columns lists filter on (only those the kind has) and the whole
 * {@code definition} as a JSON object, as it was entered: the kernel's record, written as every answer is (amounts as
 * {@code {"amount": "40.00", "currency": "EUR"}}), not the read model's stored JSON.
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
                               Record definition,
                               Instant createdAt,
                               Instant updatedAt,
                               long version) {

    static CatalogEntryView of(CatalogEntry entry) {
        Record definition = CatalogJson.read(entry.definitionJson(), CatalogJson.definitionType(entry.kind()));
        return new CatalogEntryView(entry.kind(), entry.code(), entry.name(), entry.productTypeCode(), entry.family(),
                entry.validFrom(), entry.validTo(), entry.providerCode(), definition, entry.createdAt(),
                entry.updatedAt(), entry.version());
    }

    /**
     * The entry as its events up to an instant left it ({@link CatalogEntryFold}): the filtered columns taken from the
     * definition where it has them; {@code version} is the sequence number of the last event applied.
     */
    static CatalogEntryView asOf(CatalogKind kind, String code, Record definition, Instant createdAt,
                                 Instant updatedAt, long version) {
        return new CatalogEntryView(kind, code, text(definition, "name"), text(definition, "productTypeCode"),
                text(definition, "family"), date(definition, "validFrom"), date(definition, "validTo"),
                text(definition, "providerCode"), definition, createdAt, updatedAt, version);
    }

    private static String text(Record definition, String name) {
        Object value = CatalogEntryFold.component(definition, name);
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Record definition, String name) {
        return CatalogEntryFold.component(definition, name) instanceof LocalDate date ? date : null;
    }
}
