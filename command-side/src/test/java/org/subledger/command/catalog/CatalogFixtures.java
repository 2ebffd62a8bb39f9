package org.subledger.command.catalog;

import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.subledger.kernel.catalog.Composition;
import org.subledger.kernel.catalog.PhysicalGoodType;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Catalog entries the fixture tests share. */
final class CatalogFixtures {

    static final ProductTypeDefinition TERMED = new ProductTypeDefinition("TV-PACKAGE", "Packages",
            ProductClassification.SERVICE, null, ServiceType.TERMED, Composition.FLAT, true, null);
    static final ProductTypeDefinition FEE = new ProductTypeDefinition("FEE", "Fees",
            ProductClassification.SERVICE, null, ServiceType.EXPENSE, Composition.FLAT, false, null);
    static final ProductTypeDefinition VOD = new ProductTypeDefinition("VOD", "Movies",
            ProductClassification.SERVICE, null, ServiceType.USAGE, Composition.FLAT, true, "VOD");
    static final ProductTypeDefinition HARDWARE = new ProductTypeDefinition("HW", "Hardware",
            ProductClassification.PHYSICAL_GOOD, PhysicalGoodType.TRACEABLE, null, Composition.FLAT, true, null);
    static final ProductTypeDefinition KIT = new ProductTypeDefinition("KIT", "Kits",
            ProductClassification.PHYSICAL_GOOD, PhysicalGoodType.NON_TRACEABLE, null, Composition.FIXED_BUNDLE,
            false, null);

    private CatalogFixtures() {
    }

    static ProductDefinition product(String code, String type) {
        return new ProductDefinition(code, null, code + " description", type, "AluxSat", "Family", List.of(),
                Validity.ALWAYS, new BigDecimal("19"), List.of(), null, Map.of());
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Matcher<?> refusal(ErrorCode code) {
        return Matchers.predicate(exception -> exception instanceof LedgerRefusal refusal && refusal.code() == code);
    }

    static Matcher<?> refusal(ErrorCode code, String field) {
        return Matchers.predicate(exception -> exception instanceof LedgerRefusal refusal && refusal.code() == code
                && refusal.fields().containsKey(field));
    }
}
