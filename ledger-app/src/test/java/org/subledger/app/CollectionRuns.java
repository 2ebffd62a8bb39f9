package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers for the collections tests: each of a subscription type of its own test, so a run selects only that
 * test's subscriptions however many other tests share the ledger. {@code sampleCatalog} loads the sample catalog the
 * set-ups build on: once per ledger on the shared one ({@link LedgerIT#loadSampleCatalog()}).
 */
record CollectionRuns(Api api, Runnable sampleCatalog) {

    /** On a ledger of a test's own: the sample catalog loaded again by every set-up (a reload records nothing). */
    CollectionRuns(Api api) {
        this(api, () -> assertThat(api.post("admin", "/api/catalog/sample", "{}").status()).isEqualTo(200));
    }

    String newSubscriptionType(String prefix) {
        return newSubscriptionType(prefix, "RESIDENTIAL");
    }

    /** A subscription type of its own whose subscriptions are billed on {@code scheme}. */
    String newSubscriptionType(String prefix, String scheme) {
        sampleCatalog.run();
        String type = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Collections test", "allowedBillingTermSchemes": ["%s"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": ["PLATINUM", "START-UP-FEE"]}"""
                .formatted(type, scheme));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return type;
    }

    /** A monthly scheme of its own whose subscriptions get a bill each (not one per account). */
    String schemeBillingPerSubscription(String prefix) {
        // its price plan is the sample catalog's
        sampleCatalog.run();
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/billing-term-schemes", """
                {"code": "%s", "name": "Monthly, a bill per subscription", "billingFrequencies": ["MONTHLY"],
                 "bindingPeriodMonths": 0, "allowedPricePlans": ["STANDARD"], "defaultPricePlan": "STANDARD",
                 "flexiblePricing": false, "overrideCreditLimitRules": false, "termedServiceTiming": "IN_ADVANCE",
                 "prepaid": false, "billPer": "SUBSCRIPTION"}""".formatted(code));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    /** A monthly scheme of its own whose subscriptions of one account share a bill, a section each. */
    String schemeBillingPerAccount(String prefix) {
        // its price plan is the sample catalog's
        sampleCatalog.run();
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/billing-term-schemes", """
                {"code": "%s", "name": "Monthly, a bill per account", "billingFrequencies": ["MONTHLY"],
                 "bindingPeriodMonths": 0, "allowedPricePlans": ["STANDARD"], "defaultPricePlan": "STANDARD",
                 "flexiblePricing": false, "overrideCreditLimitRules": false, "termedServiceTiming": "IN_ADVANCE",
                 "prepaid": false, "billPer": "ACCOUNT"}""".formatted(code));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    /** A customer with one effective subscription of {@code type} whose account owes {@code owes} (EUR). */
    Customer customer(String type, String owes) {
        return customers(type, owes, 1).get(0);
    }

    /**
     * {@code count} such customers, set up step by step for all of them at once (every subscription created, then
     * every start-up fee awaited, then every balance brought to what is owed), so the waits for the saga and the read
     * models overlap instead of adding up customer after customer.
     */
    List<Customer> customers(String type, String owes, int count) {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String accountId = api.openAccount("Collections", "Customer", "5000.00");
            var created = api.post("agent", "/api/subscriptions", """
                    {"accountId":"%s","subscriptionTypeCode":"%s",
                     "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                     "initialState":"EFFECTIVE",
                     "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                     "services":[{"productCode":"PLATINUM","distributorIds":["STB-1"]}]}"""
                    .formatted(accountId, type));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            customers.add(new Customer(accountId, created.json().get("subscriptionId").asText()));
        }
        for (var customer : customers) {
            // the start-up fee is charged by a saga; then the balance is brought to what the customer owes
            BigDecimal fee = Await.until("the start-up fee charged", () -> balance(customer.accountId()),
                    balance -> balance != null && balance.signum() > 0);
            BigDecimal difference = new BigDecimal(owes).subtract(fee);
            if (difference.signum() > 0) {
                assertThat(api.post("agent", "/api/accounts/" + customer.accountId() + "/charges",
                        "{\"amount\": " + difference + ", \"description\": \"Arrears\"}").status()).isEqualTo(201);
            } else if (difference.signum() < 0) {
                assertThat(api.post("agent", "/api/accounts/" + customer.accountId() + "/payments",
                        "{\"amount\": " + difference.negate() + ", \"reference\": \"part\"}").status())
                        .isEqualTo(201);
            }
        }
        for (var customer : customers) {
            Await.until("the balance of " + customer.accountId(), () -> balance(customer.accountId()),
                    balance -> balance != null && balance.compareTo(new BigDecimal(owes)) == 0);
            Await.until("the subscription effective", () -> state(customer.subscriptionId()), "EFFECTIVE"::equals);
        }
        return customers;
    }

    record Customer(String accountId, String subscriptionId) {
    }

    BigDecimal balance(String accountId) {
        var response = api.get("reporter", "/api/accounts/" + accountId);
        return response.status() == 200 ? Amounts.of(response.json().get("balance")) : null;
    }

    String state(String subscriptionId) {
        var response = api.get("reporter", "/api/subscriptions/" + subscriptionId);
        return response.status() == 200 ? response.json().get("state").asText() : "none";
    }

    String define(String json) {
        var created = api.post("billing", "/api/collections/run-definitions", json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("definitionId").asText();
    }

    String runNow(String definitionId, String asOf) {
        var started = api.post("billing", "/api/collections/run-definitions/" + definitionId + "/run-now",
                asOf == null ? null : "{\"asOf\":\"" + asOf + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.json().get("runId").asText();
    }

    JsonNode completed(String runId) {
        return Await.until("run " + runId + " completed", java.time.Duration.ofSeconds(90),
                () -> api.get("reporter", "/api/collections/runs/" + runId),
                response -> response.status() == 200 && "COMPLETED".equals(response.json().path("status").asText()))
                .json();
    }
}
