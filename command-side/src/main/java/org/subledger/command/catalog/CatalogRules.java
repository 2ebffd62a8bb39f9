package org.subledger.command.catalog;

import org.subledger.kernel.catalog.Composition;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The catalog's rules, each refusal naming the field at fault. Codes are upper-case identifiers; the usage
 * conditions of product type characteristics come from the operator's product manual.
 */
final class CatalogRules {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_\\-.]{0,63}");

    private final Map<String, String> problems = new LinkedHashMap<>();

    static CatalogRules check() {
        return new CatalogRules();
    }

    CatalogRules code(String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            problems.put("code", "must be an upper-case code of letters, digits, '-', '_' or '.'");
        }
        return this;
    }

    CatalogRules required(Object value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            problems.put(field, "is required");
        }
        return this;
    }

    CatalogRules rule(boolean holds, String field, String problem) {
        if (!holds) {
            problems.putIfAbsent(field, problem);
        }
        return this;
    }

    /** Refuses malformed input ({@code VALIDATION_FAILED}) if any field was found at fault. */
    void orRefuse(String what) {
        if (!problems.isEmpty()) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, what + " is not valid: " + problems, problems);
        }
    }

    /** Refuses a breach of a business rule ({@code CATALOG_RULE_VIOLATED}) if any was found. */
    void orRefuseAsRule(String what) {
        if (!problems.isEmpty()) {
            throw new LedgerRefusal(ErrorCode.CATALOG_RULE_VIOLATED, what + " breaks the catalog's rules: "
                    + problems, problems);
        }
    }

    static LedgerRefusal exists(String kind, String code) {
        return new LedgerRefusal(ErrorCode.CATALOG_ENTRY_EXISTS, kind + " " + code + " exists with another definition",
                Map.of("code", "is taken"));
    }

    static LedgerRefusal notFound(String kind, String code) {
        return new LedgerRefusal(ErrorCode.CATALOG_ENTRY_NOT_FOUND, "No " + kind + " " + code);
    }

    /** The usage conditions of a product type's characteristics. */
    static void validate(ProductTypeDefinition type) {
        var check = check().code(type.code()).required(type.name(), "name")
                .required(type.classification(), "classification").required(type.composition(), "composition");
        check.orRefuse("The product type");
        boolean good = type.classification() == ProductClassification.PHYSICAL_GOOD;
        boolean termed = type.serviceType() == ServiceType.TERMED;
        check()
                .rule(good || type.physicalGoodType() == null, "physicalGoodType",
                        "is only available for physical goods")
                .rule(!good || type.physicalGoodType() != null, "physicalGoodType",
                        "is required for physical goods (TRACEABLE or NON_TRACEABLE)")
                .rule(!good || type.serviceType() == null, "serviceType", "is only available for services")
                .rule(good || type.serviceType() != null, "serviceType",
                        "is required for services (USAGE, TERMED, ONE_TIME or EXPENSE)")
                .rule(type.composition() != Composition.FLEXIBLE_BUNDLE || (!good && termed), "composition",
                        "a flexible bundle is only available for termed services")
                .rule(type.composition() != Composition.FIXED_BUNDLE || good || termed, "composition",
                        "a fixed bundle is only available for termed services or physical goods")
                .rule(type.udrType() == null || type.serviceType() == ServiceType.USAGE, "udrType",
                        "is only available for usage services")
                .orRefuseAsRule("The product type " + type.code());
    }
}
