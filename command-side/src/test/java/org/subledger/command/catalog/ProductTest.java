package org.subledger.command.catalog;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.BundleComponent;
import org.subledger.kernel.catalog.CreateProduct;
import org.subledger.kernel.catalog.ProductCreated;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.error.ErrorCode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.subledger.command.catalog.CatalogFixtures.HARDWARE;
import static org.subledger.command.catalog.CatalogFixtures.KIT;
import static org.subledger.command.catalog.CatalogFixtures.TERMED;
import static org.subledger.command.catalog.CatalogFixtures.product;
import static org.subledger.command.catalog.CatalogFixtures.refusal;

class ProductTest {

    AggregateTestFixture<Product> fixture;
    FakeCatalog catalog;

    @BeforeEach
    void setUp() {
        catalog = new FakeCatalog().with(TERMED).with(HARDWARE).with(KIT).with(product("DECODER", "HW"));
        fixture = new AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(catalog);
    }

    @Test
    void createsAProductOfAnExistingType() {
        var gold = product("GOLD", "TV-PACKAGE");
        fixture.givenNoPriorActivity().when(new CreateProduct(gold)).expectEvents(new ProductCreated(gold));
    }

    @Test
    void refusesAProductOfAnUnknownType() {
        fixture.givenNoPriorActivity().when(new CreateProduct(product("GOLD", "NOPE")))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "productTypeCode")).expectNoEvents();
    }

    @Test
    void aFixedBundleListsExistingComponents() {
        var kit = new ProductDefinition("KIT-1", null, "Kit", "KIT", null, null, List.of(), Validity.ALWAYS,
                new BigDecimal("19"), List.of(new BundleComponent("DECODER", 1)), null, Map.of());
        fixture.givenNoPriorActivity().when(new CreateProduct(kit)).expectEvents(new ProductCreated(kit));
    }

    @Test
    void refusesAFixedBundleWithoutComponentsOrWithUnknownOnes() {
        var empty = product("KIT-1", "KIT");
        fixture.givenNoPriorActivity().when(new CreateProduct(empty))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "fixedComponents")).expectNoEvents();
        var unknown = new ProductDefinition("KIT-2", null, "Kit", "KIT", null, null, List.of(), Validity.ALWAYS,
                new BigDecimal("19"), List.of(new BundleComponent("GHOST", 1)), null, Map.of());
        new AggregateTestFixture<>(Product.class).registerInjectableResource(catalog).givenNoPriorActivity()
                .when(new CreateProduct(unknown))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "fixedComponents")).expectNoEvents();
    }

    @Test
    void refusesComponentsOnAFlatProduct() {
        var flat = new ProductDefinition("GOLD", null, "Gold", "TV-PACKAGE", null, null, List.of(), Validity.ALWAYS,
                new BigDecimal("19"), List.of(new BundleComponent("DECODER", 1)), null, Map.of());
        fixture.givenNoPriorActivity().when(new CreateProduct(flat))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "fixedComponents")).expectNoEvents();
    }

    @Test
    void refusesAnUnknownProvider() {
        var gold = new ProductDefinition("GOLD", null, "Gold", "TV-PACKAGE", null, null, List.of(), Validity.ALWAYS,
                new BigDecimal("19"), List.of(), null, Map.of("NOBODY", "X1"));
        fixture.givenNoPriorActivity().when(new CreateProduct(gold))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "providerProductIds")).expectNoEvents();
    }

    @Test
    void refusesATaxRateAboveAHundredPercent() {
        var gold = new ProductDefinition("GOLD", null, "Gold", "TV-PACKAGE", null, null, List.of(), Validity.ALWAYS,
                new BigDecimal("119"), List.of(), null, Map.of());
        fixture.givenNoPriorActivity().when(new CreateProduct(gold))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "taxRatePercent")).expectNoEvents();
    }
}
