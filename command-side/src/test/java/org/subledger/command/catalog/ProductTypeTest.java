package org.subledger.command.catalog;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.subledger.kernel.catalog.AmendProductType;
import org.subledger.kernel.catalog.Composition;
import org.subledger.kernel.catalog.CreateProductType;
import org.subledger.kernel.catalog.PhysicalGoodType;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ProductTypeAmended;
import org.subledger.kernel.catalog.ProductTypeCreated;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.error.ErrorCode;

import java.util.stream.Stream;

import static org.subledger.command.catalog.CatalogFixtures.TERMED;
import static org.subledger.command.catalog.CatalogFixtures.refusal;

class ProductTypeTest {

    AggregateTestFixture<ProductType> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProductType.class);
    }

    @Test
    void createsAProductType() {
        fixture.givenNoPriorActivity().when(new CreateProductType(TERMED)).expectEvents(new ProductTypeCreated(TERMED))
                .expectResultMessagePayload(true);
    }

    @Test
    void creatingTheSameDefinitionAgainRecordsNothing() {
        fixture.given(new ProductTypeCreated(TERMED)).when(new CreateProductType(TERMED))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void refusesASecondProductTypeWithTheSameCode() {
        var other = new ProductTypeDefinition("TV-PACKAGE", "Other", ProductClassification.SERVICE, null,
                ServiceType.EXPENSE, Composition.FLAT, false, null);
        fixture.given(new ProductTypeCreated(TERMED)).when(new CreateProductType(other))
                .expectException(refusal(ErrorCode.CATALOG_ENTRY_EXISTS)).expectNoEvents();
    }

    @Test
    void amendsAProductType() {
        var amended = new ProductTypeDefinition("TV-PACKAGE", "TV packages", ProductClassification.SERVICE, null,
                ServiceType.TERMED, Composition.FLAT, true, null);
        fixture.given(new ProductTypeCreated(TERMED)).when(new AmendProductType(amended))
                .expectEvents(new ProductTypeAmended(amended));
    }

    @Test
    void refusesALowerCaseCode() {
        var bad = new ProductTypeDefinition("tv", "TV", ProductClassification.SERVICE, null, ServiceType.TERMED,
                Composition.FLAT, true, null);
        fixture.givenNoPriorActivity().when(new CreateProductType(bad))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "code")).expectNoEvents();
    }

    static Stream<Arguments> usageConditions() {
        var service = ProductClassification.SERVICE;
        var good = ProductClassification.PHYSICAL_GOOD;
        return Stream.of(
                Arguments.of("a flexible bundle of one-time services", new ProductTypeDefinition("X", "x", service,
                        null, ServiceType.ONE_TIME, Composition.FLEXIBLE_BUNDLE, false, null), "composition"),
                Arguments.of("a flexible bundle of physical goods", new ProductTypeDefinition("X", "x", good,
                        PhysicalGoodType.TRACEABLE, null, Composition.FLEXIBLE_BUNDLE, false, null), "composition"),
                Arguments.of("a fixed bundle of expenses", new ProductTypeDefinition("X", "x", service, null,
                        ServiceType.EXPENSE, Composition.FIXED_BUNDLE, false, null), "composition"),
                Arguments.of("a UDR type on a termed service", new ProductTypeDefinition("X", "x", service, null,
                        ServiceType.TERMED, Composition.FLAT, false, "VOD"), "udrType"),
                Arguments.of("a UDR type on a physical good", new ProductTypeDefinition("X", "x", good,
                        PhysicalGoodType.TRACEABLE, null, Composition.FLAT, false, "VOD"), "udrType"),
                Arguments.of("a physical good type on a service", new ProductTypeDefinition("X", "x", service,
                        PhysicalGoodType.TRACEABLE, ServiceType.TERMED, Composition.FLAT, false, null),
                        "physicalGoodType"),
                Arguments.of("a service type on a physical good", new ProductTypeDefinition("X", "x", good,
                        PhysicalGoodType.TRACEABLE, ServiceType.TERMED, Composition.FLAT, false, null),
                        "serviceType"),
                Arguments.of("a service without a service type", new ProductTypeDefinition("X", "x", service, null,
                        null, Composition.FLAT, false, null), "serviceType"),
                Arguments.of("a physical good without traceability", new ProductTypeDefinition("X", "x", good, null,
                        null, Composition.FLAT, false, null), "physicalGoodType"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("usageConditions")
    void refusesCharacteristicsOutsideTheirUsageConditions(String what, ProductTypeDefinition type, String field) {
        fixture.givenNoPriorActivity().when(new CreateProductType(type))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, field)).expectNoEvents();
    }

    @Test
    void acceptsAFixedBundleOfPhysicalGoodsAndAFlexibleBundleOfTermedServices() {
        var kit = new ProductTypeDefinition("KIT", "Kits", ProductClassification.PHYSICAL_GOOD,
                PhysicalGoodType.NON_TRACEABLE, null, Composition.FIXED_BUNDLE, false, null);
        fixture.givenNoPriorActivity().when(new CreateProductType(kit)).expectEvents(new ProductTypeCreated(kit));
        var bouquet = new ProductTypeDefinition("BQ", "Bouquets", ProductClassification.SERVICE, null,
                ServiceType.TERMED, Composition.FLEXIBLE_BUNDLE, true, null);
        new AggregateTestFixture<>(ProductType.class).givenNoPriorActivity().when(new CreateProductType(bouquet))
                .expectEvents(new ProductTypeCreated(bouquet));
    }
}
