package org.subledger.command.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.web.CommandSender;
import org.subledger.command.web.RequestValues;
import org.subledger.kernel.catalog.ActivityTypeDefinition;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.AmendAdditiveDiscount;
import org.subledger.kernel.catalog.AmendBuyInAdvanceDefinition;
import org.subledger.kernel.catalog.BuyInAdvanceDefinition;
import org.subledger.kernel.catalog.CreateAdditiveDiscount;
import org.subledger.kernel.catalog.CreateBuyInAdvanceDefinition;
import org.subledger.kernel.catalog.AmendActivityType;
import org.subledger.kernel.catalog.AmendBillingTermScheme;
import org.subledger.kernel.catalog.AmendJobType;
import org.subledger.kernel.catalog.AmendPricePlan;
import org.subledger.kernel.catalog.AmendProduct;
import org.subledger.kernel.catalog.AmendProductType;
import org.subledger.kernel.catalog.AmendEventChargeRule;
import org.subledger.kernel.catalog.AmendProvider;
import org.subledger.kernel.catalog.AmendSubscriptionType;
import org.subledger.kernel.catalog.AmendUsageCatalog;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.CreateActivityType;
import org.subledger.kernel.catalog.CreateBillingTermScheme;
import org.subledger.kernel.catalog.CreateJobType;
import org.subledger.kernel.catalog.CreatePricePlan;
import org.subledger.kernel.catalog.CreateProduct;
import org.subledger.kernel.catalog.CreateProductType;
import org.subledger.kernel.catalog.CreateEventChargeRule;
import org.subledger.kernel.catalog.CreateProvider;
import org.subledger.kernel.catalog.EventChargeRuleDefinition;
import org.subledger.kernel.catalog.CreateSubscriptionType;
import org.subledger.kernel.catalog.CreateUsageCatalog;
import org.subledger.kernel.catalog.JobTypeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ProviderDefinition;
import org.subledger.kernel.catalog.RateClassification;
import org.subledger.kernel.catalog.SetProductRate;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.rating.Rate;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

/**
 * Command API of the catalog, for administrators. Each kind of entry is created with {@code POST} (201; posting the
 * same definition again records nothing) and changed with {@code PUT} on its code; a price plan's rates are set as
 * dated price versions.
 */
@RestController
@RequestMapping("/api/catalog")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Catalog (commands)")
class CatalogCommandController {

    private final CommandSender commands;
    private final SampleCatalog sampleCatalog;

    CatalogCommandController(CommandSender commands, SampleCatalog sampleCatalog) {
        this.commands = commands;
        this.sampleCatalog = sampleCatalog;
    }

    record RateRequest(String productCode, RateClassification classification, Rate rate, LocalDate effectiveFrom) {
    }

    @PostMapping("/product-types")
    @Operation(summary = "Define a product type")
    ResponseEntity<Map<String, Object>> createProductType(@RequestBody ProductTypeDefinition body) {
        return created("product-types", body.code(), new CreateProductType(body));
    }

    @PutMapping("/product-types/{code}")
    @Operation(summary = "Replace a product type's definition")
    Map<String, String> amendProductType(@PathVariable String code, @RequestBody ProductTypeDefinition body) {
        return amended(code, body.code(), new AmendProductType(body));
    }

    @PostMapping("/products")
    @Operation(summary = "Define a product")
    ResponseEntity<Map<String, Object>> createProduct(@RequestBody ProductDefinition body) {
        return created("products", body.code(), new CreateProduct(body));
    }

    @PutMapping("/products/{code}")
    @Operation(summary = "Replace a product's definition")
    Map<String, String> amendProduct(@PathVariable String code, @RequestBody ProductDefinition body) {
        return amended(code, body.code(), new AmendProduct(body));
    }

    @PostMapping("/providers")
    @Operation(summary = "Define a service provider")
    ResponseEntity<Map<String, Object>> createProvider(@RequestBody ProviderDefinition body) {
        return created("providers", body.code(), new CreateProvider(body));
    }

    @PutMapping("/providers/{code}")
    @Operation(summary = "Replace a service provider's definition")
    Map<String, String> amendProvider(@PathVariable String code, @RequestBody ProviderDefinition body) {
        return amended(code, body.code(), new AmendProvider(body));
    }

    @PostMapping("/price-plans")
    @Operation(summary = "Define a price plan")
    ResponseEntity<Map<String, Object>> createPricePlan(@RequestBody PricePlanDefinition body) {
        return created("price-plans", body.code(), new CreatePricePlan(body));
    }

    @PutMapping("/price-plans/{code}")
    @Operation(summary = "Replace a price plan's definition (its price versions stay)")
    Map<String, String> amendPricePlan(@PathVariable String code, @RequestBody PricePlanDefinition body) {
        return amended(code, body.code(), new AmendPricePlan(body));
    }

    @PostMapping("/price-plans/{code}/rates")
    @Operation(summary = "Add a price version: the product's rate in this plan from effectiveFrom on")
    ResponseEntity<Map<String, String>> setRate(@PathVariable String code, @RequestBody RateRequest body) {
        commands.send(new SetProductRate(code, body.productCode(), body.classification(), body.rate(),
                body.effectiveFrom()), ErrorCode.CATALOG_ENTRY_NOT_FOUND, code);
        return ResponseEntity.created(URI.create("/api/catalog/price-plans/" + code))
                .body(Map.of("pricePlanCode", code, "productCode", String.valueOf(body.productCode())));
    }

    @PostMapping("/billing-term-schemes")
    @Operation(summary = "Define a billing term scheme")
    ResponseEntity<Map<String, Object>> createScheme(@RequestBody BillingTermSchemeDefinition body) {
        return created("billing-term-schemes", body.code(), new CreateBillingTermScheme(body));
    }

    @PutMapping("/billing-term-schemes/{code}")
    @Operation(summary = "Replace a billing term scheme's definition")
    Map<String, String> amendScheme(@PathVariable String code, @RequestBody BillingTermSchemeDefinition body) {
        return amended(code, body.code(), new AmendBillingTermScheme(body));
    }

    @PostMapping("/subscription-types")
    @Operation(summary = "Define a subscription type")
    ResponseEntity<Map<String, Object>> createSubscriptionType(@RequestBody SubscriptionTypeDefinition body) {
        return created("subscription-types", body.code(), new CreateSubscriptionType(body));
    }

    @PutMapping("/subscription-types/{code}")
    @Operation(summary = "Replace a subscription type's definition")
    Map<String, String> amendSubscriptionType(@PathVariable String code,
                                              @RequestBody SubscriptionTypeDefinition body) {
        return amended(code, body.code(), new AmendSubscriptionType(body));
    }

    @PostMapping("/usage-catalogs")
    @Operation(summary = "Define a usage catalog")
    ResponseEntity<Map<String, Object>> createUsageCatalog(@RequestBody UsageCatalogDefinition body) {
        return created("usage-catalogs", body.code(), new CreateUsageCatalog(body));
    }

    @PutMapping("/usage-catalogs/{code}")
    @Operation(summary = "Replace a usage catalog's definition")
    Map<String, String> amendUsageCatalog(@PathVariable String code, @RequestBody UsageCatalogDefinition body) {
        return amended(code, body.code(), new AmendUsageCatalog(body));
    }

    @PostMapping("/job-types")
    @Operation(summary = "Define a job type")
    ResponseEntity<Map<String, Object>> createJobType(@RequestBody JobTypeDefinition body) {
        return created("job-types", body.code(), new CreateJobType(body));
    }

    @PutMapping("/job-types/{code}")
    @Operation(summary = "Replace a job type's definition")
    Map<String, String> amendJobType(@PathVariable String code, @RequestBody JobTypeDefinition body) {
        return amended(code, body.code(), new AmendJobType(body));
    }

    @PostMapping("/activity-types")
    @Operation(summary = "Define an activity type")
    ResponseEntity<Map<String, Object>> createActivityType(@RequestBody ActivityTypeDefinition body) {
        return created("activity-types", body.code(), new CreateActivityType(body));
    }

    @PutMapping("/activity-types/{code}")
    @Operation(summary = "Replace an activity type's definition")
    Map<String, String> amendActivityType(@PathVariable String code, @RequestBody ActivityTypeDefinition body) {
        return amended(code, body.code(), new AmendActivityType(body));
    }

    @PostMapping("/additive-discounts")
    @Operation(summary = "Define an additive discount (ad hoc or auto apply); only EFFECTIVE ones can be given")
    ResponseEntity<Map<String, Object>> createAdditiveDiscount(@RequestBody AdditiveDiscountDefinition body) {
        DiscountRules.shape(body);
        return created("additive-discounts", body.code(), new CreateAdditiveDiscount(body));
    }

    @PutMapping("/additive-discounts/{code}")
    @Operation(summary = "Replace an additive discount's definition, its state included; type and classification stay")
    Map<String, String> amendAdditiveDiscount(@PathVariable String code,
                                              @RequestBody AdditiveDiscountDefinition body) {
        DiscountRules.shape(body);
        return amended(code, body.code(), new AmendAdditiveDiscount(body));
    }

    @PostMapping("/event-charge-rules")
    @Operation(summary = "Define an event charge rule: a subscription action of a behaviour charges one unit of a product")
    ResponseEntity<Map<String, Object>> createEventChargeRule(@RequestBody EventChargeRuleDefinition body) {
        EventChargeRules.shape(body);
        return created("event-charge-rules", body.code(), new CreateEventChargeRule(body));
    }

    @PutMapping("/event-charge-rules/{code}")
    @Operation(summary = "Replace an event charge rule, its state included (INACTIVE retires it)")
    Map<String, String> amendEventChargeRule(@PathVariable String code,
                                             @RequestBody EventChargeRuleDefinition body) {
        EventChargeRules.shape(body);
        return amended(code, body.code(), new AmendEventChargeRule(body));
    }

    @PostMapping("/buy-in-advance-definitions")
    @Operation(summary = "Define the durations subscriptions may buy in advance; one EFFECTIVE definition at a time")
    ResponseEntity<Map<String, Object>> createBuyInAdvance(@RequestBody BuyInAdvanceDefinition body) {
        DiscountRules.shape(body);
        return created("buy-in-advance-definitions", body.code(), new CreateBuyInAdvanceDefinition(body));
    }

    @PutMapping("/buy-in-advance-definitions/{code}")
    @Operation(summary = "Replace a buy-in-advance definition, its state included; one EFFECTIVE at a time")
    Map<String, String> amendBuyInAdvance(@PathVariable String code, @RequestBody BuyInAdvanceDefinition body) {
        DiscountRules.shape(body);
        return amended(code, body.code(), new AmendBuyInAdvanceDefinition(body));
    }

    @PostMapping("/sample")
    @Operation(summary = "Load the sample catalog of the demo operator; loading it again changes nothing")
    Map<String, Object> loadSample() {
        return Map.of("loaded", sampleCatalog.load());
    }

    /**
     * 201 with the entry's location when it was recorded; 200 when the same definition was there already, so a client
     * repeating a creation learns that nothing was recorded ({@code "recorded": false}).
     */
    private ResponseEntity<Map<String, Object>> created(String collection, String code, Object command) {
        Boolean recorded = commands.send(command, ErrorCode.CATALOG_ENTRY_NOT_FOUND, code);
        var location = URI.create("/api/catalog/" + collection + "/" + code);
        if (Boolean.FALSE.equals(recorded)) {
            return ResponseEntity.ok().location(location).body(Map.of("code", code, "recorded", false));
        }
        return ResponseEntity.created(location).body(Map.of("code", code, "recorded", true));
    }

    private Map<String, String> amended(String pathCode, String bodyCode, Object command) {
        if (!pathCode.equals(bodyCode)) {
            throw RequestValues.invalid("code", "must be the code in the path (" + pathCode + ")");
        }
        commands.send(command, ErrorCode.CATALOG_ENTRY_NOT_FOUND, pathCode);
        return Map.of("code", pathCode);
    }

}
