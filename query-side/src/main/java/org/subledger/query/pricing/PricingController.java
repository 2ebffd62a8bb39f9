package org.subledger.query.pricing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.query.PriceQuoteAnswer;
import org.subledger.kernel.catalog.query.QuotePrice;
import org.subledger.kernel.catalog.query.QuoteUsage;
import org.subledger.kernel.catalog.query.UsageQuoteAnswer;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.rating.TierBasis;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pricing API: what a product would cost in a price plan, or one use of a usage service, worked out from the
 * catalog's read models. A calculation: it records nothing, so a POST is safe to repeat.
 */
@RestController
@RequestMapping("/api/pricing")
@Tag(name = "Pricing")
class PricingController {

    private final QueryGateway queryGateway;
    private final Clock clock;

    PricingController(QueryGateway queryGateway, Clock clock) {
        this.queryGateway = queryGateway;
        this.clock = clock;
    }

    /**
     * Exactly one of {@code quantity}, {@code durationHours} and {@code maturityPeriod} (the first n billing periods
     * of a termed service); {@code at} defaults to today; {@code facts} (e.g. {@code ACCOUNT_CLASSIFICATION: VIP})
     * decide whether a conditional plan's rates apply.
     */
    record QuoteRequest(String pricePlanId, String productCode, Long quantity, Long durationHours,
                        Long maturityPeriod, LocalDate at, Map<String, String> facts) {
    }

    record UsageQuoteRequest(String usageCatalogCode, String productCode, LocalDateTime usedAt) {
    }

    @PostMapping("/quote")
    @Operation(summary = "Price a product in a price plan with the price version in force on a date")
    public QuoteView quote(@RequestBody QuoteRequest request) {
        QuotePrice query = toQuery(request);
        return QuoteView.of(queryGateway.query(query, PriceQuoteAnswer.class).join().orElseThrow());
    }

    @PostMapping("/usage-quote")
    @Operation(summary = "Price one use of a usage service at a local date and time")
    public UsageQuoteView usageQuote(@RequestBody UsageQuoteRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        required(request.usageCatalogCode(), "usageCatalogCode", problems);
        required(request.productCode(), "productCode", problems);
        if (request.usedAt() == null) {
            problems.put("usedAt", "is required (a local date and time, e.g. 2026-03-01T21:30:00)");
        }
        refuseIfAny(problems);
        var query = new QuoteUsage(request.usageCatalogCode(), request.productCode(), request.usedAt());
        return UsageQuoteView.of(queryGateway.query(query, UsageQuoteAnswer.class).join().orElseThrow());
    }

    private QuotePrice toQuery(QuoteRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        required(request.pricePlanId(), "pricePlanId", problems);
        required(request.productCode(), "productCode", problems);
        Map<TierBasis, Long> given = new EnumMap<>(TierBasis.class);
        if (request.quantity() != null) {
            given.put(TierBasis.QUANTITY, request.quantity());
        }
        if (request.durationHours() != null) {
            given.put(TierBasis.DURATION_HOURS, request.durationHours());
        }
        if (request.maturityPeriod() != null) {
            given.put(TierBasis.MATURITY_PERIODS, request.maturityPeriod());
        }
        if (given.isEmpty()) {
            problems.put("quantity", "give one of quantity, durationHours or maturityPeriod");
        } else if (given.size() > 1) {
            given.keySet().forEach(basis -> problems.put(PriceQuoter.inputOf(basis),
                    "give only one of quantity, durationHours or maturityPeriod"));
        } else {
            given.forEach((basis, units) -> {
                if (units < 1) {
                    problems.put(PriceQuoter.inputOf(basis), "must be 1 or more");
                }
            });
        }
        Map<ConditionAttribute, String> facts = facts(request.facts(), problems);
        refuseIfAny(problems);
        var basis = given.keySet().iterator().next();
        return new QuotePrice(request.pricePlanId(), request.productCode(), basis, given.get(basis),
                request.at() == null ? LocalDate.now(clock) : request.at(), facts);
    }

    private static Map<ConditionAttribute, String> facts(Map<String, String> given, Map<String, String> problems) {
        Map<ConditionAttribute, String> facts = new EnumMap<>(ConditionAttribute.class);
        if (given == null) {
            return facts;
        }
        given.forEach((name, value) -> {
            var attribute = Arrays.stream(ConditionAttribute.values())
                    .filter(candidate -> candidate.name().equals(name)).findFirst();
            if (attribute.isEmpty()) {
                problems.put("facts." + name, "is not one of " + Arrays.toString(ConditionAttribute.values()));
            } else if (value == null || value.isBlank()) {
                problems.put("facts." + name, "needs a value");
            } else {
                facts.put(attribute.get(), value);
            }
        });
        return facts;
    }

    private static void required(String value, String field, Map<String, String> problems) {
        if (value == null || value.isBlank()) {
            problems.put(field, "is required");
        }
    }

    private static void refuseIfAny(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "The request is not valid: " + problems, problems);
        }
    }
}
