package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.DiscountLineFacts;
import org.subledger.kernel.billing.LineExplanation;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionAction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * Ad hoc discounts at the API (issue 12, the manual's D2: 5.00-20.00 a month, 3 times a year, approved by the
 * Customer Care Managers, offered in 2015): refusals with their codes and nothing recorded, pending approval,
 * approval refused to a non-member and given by a member, a rejected and a removed one, the discount state and the
 * pending-approval list per caller, and the applied additive discounts report from applications billing records.
 */
class DiscountsOnSubscriptionsIT extends LedgerIT {

    private static final String D2 = "D2-CARE-GOODWILL";

    @Autowired
    EventStore eventStore;

    private String accountId;
    private String subscriptionId;

    @BeforeEach
    void aMonthlyGoldSubscriptionOf2015() {
        loadSampleCatalog();
        Await.until("the sample's D2", () -> api.get("reporter", "/api/catalog/additive-discounts/" + D2),
                response -> response.status() == 200);
        accountId = api.openAccount("Eleni", "Christou", "500.00");
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2015-02-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}]}""".formatted(accountId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subscriptionId = created.json().get("subscriptionId").asText();
        Await.until("the subscription on the read side", () -> api.get("reporter",
                "/api/subscriptions/" + subscriptionId), response -> response.status() == 200);
    }

    @Test
    void d2IsRefusedOutsideItsRulesPendingUntilACareManagerDecidesAndReadBackAsTheDiscountState() {
        String path = "/api/subscriptions/" + subscriptionId + "/discounts";
        long before = eventCount(subscriptionId);

        var tooMuch = api.post("agent", path, add("25.00", "2015-03-02"));
        assertProblem(tooMuch, 422, "DISCOUNT_VALUE_OUT_OF_RANGE", "value");
        assertThat(recordedBy(tooMuch)).isZero();
        var tooPrecise = api.post("agent", path, add("15.005", "2015-03-02"));
        assertThat(tooPrecise.status()).as(tooPrecise.toString()).isEqualTo(400);
        var expired = api.post("agent", path, add("15.00", "2016-01-02"));
        assertProblem(expired, 422, "DISCOUNT_DEFINITION_NOT_VALID", "definitionCode");
        var unknown = api.post("agent", path, """
                {"definitionCode":"NO-SUCH-DISCOUNT","amount":{"amount":10.00,"currency":"EUR"}}""");
        assertProblem(unknown, 422, "DISCOUNT_DEFINITION_NOT_FOUND", "definitionCode");
        var autoApply = api.post("agent", path, """
                {"definitionCode":"D6-LOYALTY-LEVEL-1","actionDate":"2015-03-02"}""");
        assertProblem(autoApply, 422, "DISCOUNT_NOT_AD_HOC", "definitionCode");
        var twoValues = api.post("agent", path, """
                {"definitionCode":"%s","amount":{"amount":10.00,"currency":"EUR"},"percentage":5,
                 "actionDate":"2015-03-02"}""".formatted(D2));
        assertProblem(twoValues, 400, "VALIDATION_FAILED", "amount");
        var byReporter = api.post("reporter", path, add("15.00", "2015-03-02"));
        assertProblem(byReporter, 403, "ACCESS_DENIED", null);
        assertThat(recordedBy(tooPrecise, expired, unknown, autoApply, twoValues, byReporter)).isZero();
        assertThat(eventCount(subscriptionId)).isEqualTo(before);

        var first = added(api.post("agent", path, add("15.00", "2015-03-02"),
                Map.of("Idempotency-Key", "goodwill-" + subscriptionId)));
        var again = api.post("agent", path, add("15.00", "2015-03-02"),
                Map.of("Idempotency-Key", "goodwill-" + subscriptionId));
        assertThat(again.json().get("discountId").asText()).isEqualTo(first);
        String second = added(api.post("agent", path, add("10.00", "2015-04-02")));
        String third = added(api.post("agent", path, add("5.00", "2015-05-02")));
        long afterThree = eventCount(subscriptionId);
        assertThat(afterThree).isEqualTo(before + 3);

        var fourth = api.post("agent", path, add("5.00", "2015-06-02"));
        assertProblem(fourth, 422, "DISCOUNT_APPLICATIONS_EXHAUSTED", "definitionCode");
        assertThat(recordedBy(fourth)).isZero();

        // the care manager is asked; the agent who added them may approve none
        Await.until("the three pending for the care manager", () -> pendingOf("caremanager"),
                pending -> pending.containsAll(List.of(first, second, third)));
        assertThat(pendingOf("agent")).doesNotContain(first, second, third);
        assertThat(pendingOf("sales")).doesNotContain(first, second, third);

        var byAgent = api.post("agent", path + "/" + first + "/approve", "{\"actionDate\":\"2015-03-03\"}");
        assertProblem(byAgent, 403, "DISCOUNT_APPROVAL_NOT_ALLOWED", "discountId");
        assertThat(recordedBy(byAgent)).isZero();
        assertThat(eventCount(subscriptionId)).isEqualTo(afterThree);

        var approved = api.post("caremanager", path + "/" + first + "/approve", "{\"actionDate\":\"2015-03-03\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        var twice = api.post("caremanager", path + "/" + first + "/approve", "{}");
        assertProblem(twice, 409, "DISCOUNT_NOT_PENDING", "discountId");
        var rejected = api.post("caremanager", path + "/" + second + "/reject",
                "{\"actionDate\":\"2015-04-03\",\"reason\":\"already compensated\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        var removed = api.post("agent", path + "/" + third + "/remove",
                "{\"actionDate\":\"2015-05-03\",\"reason\":\"added by mistake\"}");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertProblem(api.post("agent", path + "/" + third + "/remove", "{\"actionDate\":\"2015-05-03\"}"), 409,
                "DISCOUNT_ALREADY_REMOVED", "discountId");
        assertProblem(api.post("agent", path + "/no-such/remove", "{}"), 404, "DISCOUNT_NOT_FOUND", "discountId");

        JsonNode state = Await.until("the decisions in the discount state", () -> api.get("agent", path),
                response -> response.status() == 200 && statuses(response.json())
                        .equals(List.of("APPROVED", "REJECTED", "REMOVED"))).json();
        JsonNode goodwill = state.get(0);
        assertThat(goodwill.get("discountId").asText()).isEqualTo(first);
        assertThat(goodwill.get("definitionCode").asText()).isEqualTo(D2);
        assertThat(Amounts.of(goodwill.at("/value/amount"))).isEqualByComparingTo("15.00");
        assertThat(goodwill.get("addedBy").asText()).isEqualTo("agent");
        assertThat(goodwill.get("addedUnit").asText()).isEqualTo("CUSTOMER-SERVICE");
        assertThat(goodwill.get("addedOn").asText()).isEqualTo("2015-03-02");
        assertThat(goodwill.get("decidedBy").asText()).isEqualTo("caremanager");
        assertThat(goodwill.get("decidedOn").asText()).isEqualTo("2015-03-03");
        assertThat(goodwill.get("applicationsUsed").asInt()).isZero();
        assertThat(goodwill.get("applicationsLeft").asInt()).isEqualTo(3);
        assertThat(goodwill.get("nextApplication").asText()).isEqualTo("2015-03-02");
        assertThat(state.get(1).get("decisionReason").asText()).isEqualTo("already compensated");
        assertThat(state.get(2).get("removedOn").asText()).isEqualTo("2015-05-03");
        assertThat(state.get(2).get("removedBy").asText()).isEqualTo("agent");
        Await.until("nothing left pending for the care manager", () -> pendingOf("caremanager"),
                pending -> !pending.contains(first) && !pending.contains(second) && !pending.contains(third));
        assertProblem(api.get("sales", path), 404, "SUBSCRIPTION_NOT_FOUND", null);

        // billing's applications (its side is DiscountBillingIT's): appended as billing appended them
        applied(first, LocalDate.of(2015, 3, 2), 1);
        applied(first, LocalDate.of(2015, 4, 2), 2);
        JsonNode given = Await.until("the applications in the discount state", () -> api.get("agent", path),
                response -> response.status() == 200
                        && response.json().get(0).get("applicationsUsed").asInt() == 2).json().get(0);
        assertThat(given.get("applicationsLeft").asInt()).isEqualTo(1);
        assertThat(Amounts.of(given.at("/amountGiven"))).isEqualByComparingTo("30.00");
        assertThat(given.get("nextApplication").asText()).isEqualTo("2015-05-02");

        JsonNode report = api.get("reporter", "/api/reports/applied-discounts?from=2015-01-01&to=2015-12-31"
                + "&definition=" + D2).json();
        assertThat(report.get("lines")).hasSize(2);
        assertThat(report.at("/lines/0/period").asText()).isEqualTo("2015-03");
        assertThat(report.at("/lines/0/applications").asLong()).isEqualTo(1);
        assertThat(report.at("/lines/0/subscriptions").asLong()).isEqualTo(1);
        assertThat(Amounts.of(report.at("/lines/1/amount"))).isEqualByComparingTo("15.00");
        assertThat(api.get("sales", "/api/reports/applied-discounts?from=2015-01-01&to=2015-12-31&definition="
                + D2).json().get("lines")).isEmpty();
        assertProblem(api.get("reporter", "/api/reports/applied-discounts?from=2015-12-31&to=2015-01-01"), 400,
                "VALIDATION_FAILED", "to");
    }

    private static String add(String amount, String on) {
        return """
                {"definitionCode":"%s","amount":{"amount":%s,"currency":"EUR"},"actionDate":"%s",
                 "note":"sorry for the outage"}""".formatted(D2, amount, on);
    }

    private static String added(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        return response.json().get("discountId").asText();
    }

    private List<String> pendingOf(String user) {
        var response = api.get(user, "/api/discounts/pending-approval");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().findValuesAsText("discountId");
    }

    private static List<String> statuses(JsonNode discounts) {
        return discounts.findValuesAsText("status");
    }

    /**
     * What billing appends for one application (bills of revision 1): the DiscountApplied on the subscription's stream
     * and the bill, on its own stream, whose DISCOUNT line is the application the discount state and the report read.
     */
    private void applied(String discountId, LocalDate periodStart, int number) {
        String billId = "bill-" + UUID.randomUUID();
        long next = eventStore.lastSequenceNumberFor(subscriptionId).orElseThrow() + 1;
        var event = new DiscountApplied(subscriptionId, discountId, D2, billId, periodStart,
                periodStart.plusMonths(1), Money.of("15.00", "EUR"), number, List.of("1 GOLD"),
                List.of("billing frequency is one of [MONTHLY]"), SubscriptionAction.of(BehaviourCode.BILL, null));
        eventStore.publish(new GenericDomainEventMessage<>("Subscription", subscriptionId, next, event,
                MetaData.with(LedgerMetadata.PRINCIPAL, LedgerMetadata.SYSTEM_PRINCIPAL)));
        var fee = new BillLine(1, BillLineKind.RECURRING, "GOLD", "Gold package", periodStart,
                periodStart.plusMonths(1), 1, Money.of("20.00", "EUR"), Money.of("3.19", "EUR"),
                new BigDecimal("19"), null, null);
        var discount = new BillLine(2, BillLineKind.DISCOUNT, D2, "Discount " + D2 + ": 15.00 EUR off per billing"
                + " period (application " + number + ")", periodStart, periodStart.plusMonths(1), 1,
                Money.of("-15.00", "EUR"), Money.of("-2.39", "EUR"), new BigDecimal("19"), discountId,
                new LineExplanation(null, "AMOUNT", null, 1, List.of(), Money.of("15.00", "EUR"), null, null, null,
                        null, null, List.of("definition " + D2, "value 15.00 EUR off per billing period",
                        "lines 1 GOLD", "criteria billing frequency is one of [MONTHLY]",
                        DiscountLineFacts.application(number, " of 3 per year"))));
        eventStore.publish(new GenericDomainEventMessage<>("Bill", billId, 0, new BillIssued(billId,
                "T-" + billId, accountId, subscriptionId, null, BillKind.RUN, periodStart, periodStart,
                periodStart.plusMonths(1), List.of(fee, discount), Money.of("5.00", "EUR"), Money.of("0.80", "EUR"),
                periodStart.plusDays(14)), MetaData.with(LedgerMetadata.PRINCIPAL, LedgerMetadata.SYSTEM_PRINCIPAL)));
    }
}
