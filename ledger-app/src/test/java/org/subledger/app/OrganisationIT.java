package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Units and users through the API: an administrator sets them up, the user signs in with its own password, and a
 * change to the user (disabled, a new password) or to its units (a collaboration) counts from its very next request.
 */
class OrganisationIT extends LedgerIT {

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void anAdminCreatesAUnitAndAUserWhoSignsInAndSeesItsUnits() {
        String unit = unit("DEPT", null);
        String team = unit("TEAM", unit);
        String user = user("maria", "s3cret-pass", unit);

        var me = asUser(user, "s3cret-pass", "GET", "/api/me", null);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("displayName").asText()).isEqualTo("Maria " + tag);
        assertThat(texts(me.json().get("roles"))).containsExactly("AGENT");
        assertThat(texts(me.json().get("units"))).containsExactly(unit);
        assertThat(me.json().get("actingUnit").asText()).isEqualTo(unit);
        assertThat(texts(me.json().get("effectiveUnits"))).containsExactlyInAnyOrder(unit, team);
        assertThat(me.json().get("superUser").asBoolean()).isFalse();
        assertThat(asUser(user, "wrong-password", "GET", "/api/me", null).status()).isEqualTo(401);
    }

    @Test
    void aDisabledUserIsRefusedAtOnceAndAnEnabledOneServedAgain() {
        String user = user("nikos", "s3cret-pass", unit("DEPT", null));
        assertThat(asUser(user, "s3cret-pass", "GET", "/api/me", null).status()).isEqualTo(200);

        assertThat(api.post("admin", "/api/organisation/users/" + user + "/disable", null).status()).isEqualTo(200);
        var refused = asUser(user, "s3cret-pass", "GET", "/api/me", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");

        assertThat(api.post("admin", "/api/organisation/users/" + user + "/enable", null).status()).isEqualTo(200);
        assertThat(asUser(user, "s3cret-pass", "GET", "/api/me", null).status()).isEqualTo(200);
    }

    @Test
    void aPasswordResetRefusesTheOldPasswordAtOnce() {
        String user = user("eleni", "old-password", unit("DEPT", null));
        assertThat(asUser(user, "old-password", "GET", "/api/me", null).status()).isEqualTo(200);

        assertThat(api.post("admin", "/api/organisation/users/" + user + "/password",
                "{\"password\":\"new-password\"}").status()).isEqualTo(200);

        assertThat(asUser(user, "old-password", "GET", "/api/me", null).status()).isEqualTo(401);
        assertThat(asUser(user, "new-password", "GET", "/api/me", null).status()).isEqualTo(200);
        var history = api.get("auditor", "/api/audit/users/" + user + "/events");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).contains("UserPasswordSet").doesNotContain("new-password").doesNotContain("$2a$");
    }

    @Test
    void anApiKeySeesWhatItsUserSeesAndIsRefusedWithTheDisabledUser() {
        String unit = unit("DEPT", null);
        String user = user("kostas", "s3cret-pass", unit);
        var created = asUser(user, "s3cret-pass", "POST", "/api/api-keys", "{\"name\":\"till\"}");
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asText();

        var me = api.send(null, "GET", "/api/me", null, Map.of("Authorization", "Bearer " + key));
        assertThat(me.status()).isEqualTo(200);
        assertThat(texts(me.json().get("effectiveUnits"))).containsExactly(unit);

        api.post("admin", "/api/organisation/users/" + user + "/disable", null);
        assertThat(api.send(null, "GET", "/api/me", null, Map.of("Authorization", "Bearer " + key)).status())
                .isEqualTo(401);
    }

    @Test
    void aCollaborationChangesWhatTheUserSeesAtOnce() {
        String mine = unit("MINE", null);
        String theirs = unit("THEIRS", null);
        String user = user("sofia", "s3cret-pass", mine);
        assertThat(texts(asUser(user, "s3cret-pass", "GET", "/api/me", null).json().get("effectiveUnits")))
                .containsExactly(mine);

        assertThat(api.post("admin", "/api/organisation/units/" + mine + "/collaborations",
                "{\"with\":\"" + theirs + "\"}").status()).isEqualTo(200);
        assertThat(texts(asUser(user, "s3cret-pass", "GET", "/api/me", null).json().get("effectiveUnits")))
                .containsExactlyInAnyOrder(mine, theirs);

        assertThat(api.send("admin", "DELETE", "/api/organisation/units/" + mine + "/collaborations/" + theirs,
                null, Map.of()).status()).isEqualTo(200);
        assertThat(texts(asUser(user, "s3cret-pass", "GET", "/api/me", null).json().get("effectiveUnits")))
                .containsExactly(mine);
    }

    @Test
    void anAgentSeesAndServesARecordOwnedBySalesOnlyWhileItsUnitCollaboratesWithSales() {
        String service = unit("SERVICE", null);
        String agent = user("chloe", "s3cret-pass", service);
        // the demo user "sales" acts for SALES: the account and its subscription are owned by SALES
        var opened = api.post("sales", "/api/accounts", """
                {"type":"PERSON","firstName":"Sotiris","lastName":"Sales","currency":"EUR","creditLimit":500.00}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String accountId = opened.json().get("accountId").asText();
        Await.until("the account on the read side", () -> api.get("sales", "/api/accounts/" + accountId),
                response -> response.status() == 200 && "SALES".equals(response.json().path("owningUnit").asText()));

        assertThat(asUser(agent, "s3cret-pass", "GET", "/api/accounts/" + accountId, null).status()).isEqualTo(404);
        var refusedCharge = asUser(agent, "s3cret-pass", "POST", "/api/accounts/" + accountId + "/charges",
                "{\"amount\": 5.00}");
        assertThat(refusedCharge.status()).isEqualTo(404);
        assertThat(eventCount(accountId)).isEqualTo(1);

        assertThat(api.post("admin", "/api/organisation/units/" + service + "/collaborations",
                "{\"with\":\"SALES\"}").status()).isEqualTo(200);
        // at once: the very next request of the agent sees it
        assertThat(asUser(agent, "s3cret-pass", "GET", "/api/accounts/" + accountId, null).status()).isEqualTo(200);
        var charge = asUser(agent, "s3cret-pass", "POST", "/api/accounts/" + accountId + "/charges",
                "{\"amount\": 5.00}");
        assertThat(charge.status()).as(charge.toString()).isEqualTo(201);
        assertThat(eventCount(accountId)).isEqualTo(2);

        assertThat(api.send("admin", "DELETE", "/api/organisation/units/" + service + "/collaborations/SALES",
                null, Map.of()).status()).isEqualTo(200);
        assertThat(asUser(agent, "s3cret-pass", "GET", "/api/accounts/" + accountId, null).status()).isEqualTo(404);
    }

    @Test
    void movingAUnitChangesWhatItsAncestorsMembersSee() {
        String top = unit("TOP", null);
        String other = unit("OTHER", null);
        String user = user("petros", "s3cret-pass", top);
        assertThat(texts(asUser(user, "s3cret-pass", "GET", "/api/me", null).json().get("effectiveUnits")))
                .containsExactly(top);

        assertThat(api.post("admin", "/api/organisation/units/" + other + "/move",
                "{\"parent\":\"" + top + "\"}").status()).isEqualTo(200);

        assertThat(texts(asUser(user, "s3cret-pass", "GET", "/api/me", null).json().get("effectiveUnits")))
                .containsExactlyInAnyOrder(top, other);
        var underItself = api.post("admin", "/api/organisation/units/" + top + "/move",
                "{\"parent\":\"" + other + "\"}");
        assertThat(underItself.status()).isEqualTo(422);
        assertThat(underItself.json().get("code").asText()).isEqualTo("ORGANISATION_RULE_VIOLATED");
        assertThat(recordedBy(underItself)).isZero();
    }

    @Test
    void aNonAdminCannotCreateUsersOrUnitsAndNothingIsRecorded() {
        String name = "intruder" + tag.toLowerCase();
        var user = api.post("agent", "/api/organisation/users", """
                {"userName":"%s","displayName":"X","roles":["ADMIN"],"units":["SALES"],"superUser":true,
                 "password":"s3cret-pass"}""".formatted(name));
        var unit = api.post("supervisor", "/api/organisation/units",
                "{\"code\":\"X-" + tag + "\",\"name\":\"X\",\"kind\":\"GROUP\"}");

        assertThat(user.status()).isEqualTo(403);
        assertThat(user.json().get("code").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(unit.status()).isEqualTo(403);
        assertThat(recordedBy(user, unit)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from directory_user where user_name = ?", Long.class, name))
                .isZero();
    }

    @Test
    void malformedOrUnknownInputIsRefusedAndRecordsNothing() {
        var lowerCase = api.post("admin", "/api/organisation/units",
                "{\"code\":\"lower\",\"name\":\"X\",\"kind\":\"GROUP\"}");
        var unknownParent = api.post("admin", "/api/organisation/units",
                "{\"code\":\"X-" + tag + "\",\"name\":\"X\",\"kind\":\"GROUP\",\"parent\":\"NOPE-" + tag + "\"}");
        var unknownRole = api.post("admin", "/api/organisation/users", """
                {"userName":"x%s","displayName":"X","roles":["GOD"],"units":["SALES"],"password":"s3cret-pass"}"""
                .formatted(tag.toLowerCase()));
        var shortPassword = api.post("admin", "/api/organisation/users", """
                {"userName":"y%s","displayName":"Y","roles":["AGENT"],"units":["SALES"],"password":"short"}"""
                .formatted(tag.toLowerCase()));
        var unknownUser = api.post("admin", "/api/organisation/users/nobody" + tag.toLowerCase() + "/disable", null);

        assertThat(lowerCase.status()).isEqualTo(400);
        assertThat(lowerCase.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknownParent.status()).isEqualTo(422);
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(unknownUser.status()).isEqualTo(404);
        assertThat(unknownUser.json().get("code").asText()).isEqualTo("USER_NOT_FOUND");
        assertThat(recordedBy(lowerCase, unknownParent, unknownRole, shortPassword, unknownUser)).isZero();
    }

    @Test
    void eventsRecordTheActingUnitAndARepeatedCreateRecordsNothing() {
        String unit = unit("DEPT", null);
        var again = api.post("admin", "/api/organisation/units",
                "{\"code\":\"" + unit + "\",\"name\":\"DEPT\",\"kind\":\"GROUP\",\"parent\":null}");
        var taken = api.post("admin", "/api/organisation/units",
                "{\"code\":\"" + unit + "\",\"name\":\"Other\",\"kind\":\"GROUP\",\"parent\":null}");

        assertThat(again.status()).isEqualTo(201);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asText()).isEqualTo("UNIT_EXISTS");
        assertThat(recordedBy(again, taken)).isZero();
        var created = api.get("auditor", "/api/audit/units/" + unit + "/events").json().get("events").get(0);
        assertThat(created.get("type").asText()).isEqualTo("UnitCreated");
        assertThat(created.get("metadata").get("principal").asText()).isEqualTo("admin");
        assertThat(created.get("metadata").get("unit").asText()).isEqualTo("SYSADMIN");
    }

    @Test
    void theDemoUsersBelongToTheirUnits() {
        var agent = api.get("agent", "/api/me").json();
        assertThat(agent.get("actingUnit").asText()).isEqualTo("CUSTOMER-SERVICE");
        assertThat(texts(agent.get("effectiveUnits"))).containsExactly("CUSTOMER-SERVICE");

        var billing = api.get("billing", "/api/me").json();
        assertThat(texts(billing.get("effectiveUnits")))
                .containsExactlyInAnyOrder("BILLING-FINANCE", "SALES", "CUSTOMER-SERVICE");
        assertThat(api.get("admin", "/api/me").json().get("superUser").asBoolean()).isTrue();
        assertThat(api.get("auditor", "/api/me").json().get("superReader").asBoolean()).isTrue();
        assertThat(api.get("reporter", "/api/me").json().get("superReader").asBoolean()).isTrue();
        assertThat(api.get("installer", "/api/me").json().get("actingUnit").asText())
                .isEqualTo("INSTALLER-FASTFIT");
        assertThat(api.get("sales", "/api/me").json().get("actingUnit").asText()).isEqualTo("SALES");
        var history = api.get("auditor", "/api/audit/units/BILLING-FINANCE/events");
        assertThat(history.body()).contains("UnitCreated").contains("CollaborationStarted");
    }

    @Test
    void theReadModelsShowUnitsUsersAndMembershipButNoPassword() {
        String unit = unit("DEPT", null);
        String team = unit("TEAM", unit);
        String user = user("anna", "s3cret-pass", team);
        api.post("admin", "/api/organisation/units/" + team + "/collaborations", "{\"with\":\"SALES\"}");

        var read = Await.until("the user in the read model", () -> api.get("reporter",
                "/api/organisation/users/" + user), response -> response.status() == 200);
        assertThat(read.json().get("displayName").asText()).isEqualTo("Anna " + tag);
        assertThat(texts(read.json().get("units"))).containsExactly(team);
        assertThat(read.json().get("enabled").asBoolean()).isTrue();
        assertThat(read.body()).doesNotContain("s3cret").doesNotContain("bcrypt");
        var teamView = Await.until("the collaboration in the read model", () -> api.get("agent",
                "/api/organisation/units/" + team), response -> response.status() == 200
                && texts(response.json().get("collaboratesWith")).contains("SALES"));
        assertThat(teamView.json().get("parent").asText()).isEqualTo(unit);
        var children = new ArrayList<String>();
        api.get("agent", "/api/organisation/units?parent=" + unit).json()
                .forEach(child -> children.add(child.get("code").asText()));
        assertThat(children).containsExactly(team);
        assertThat(api.get("agent", "/api/organisation/users?unit=" + team).body()).contains(user);
        assertThat(api.get("agent", "/api/organisation/units/NOPE-" + tag).status()).isEqualTo(404);
    }

    private String unit(String name, String parent) {
        String code = name + "-" + tag;
        var response = api.post("admin", "/api/organisation/units", """
                {"code":"%s","name":"%s","kind":"GROUP","parent":%s}""".formatted(code, name,
                parent == null ? "null" : "\"" + parent + "\""));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return code;
    }

    private String user(String name, String password, String unit) {
        String userName = name + tag.toLowerCase();
        var response = api.post("admin", "/api/organisation/users", """
                {"userName":"%s","displayName":"%s %s","roles":["AGENT"],"units":["%s"],"password":"%s"}"""
                .formatted(userName, capitalised(name), tag, unit, password));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return userName;
    }

    private Api.Response asUser(String user, String password, String method, String path, String json) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return api.send(null, method, path, json, Map.of("Authorization", basic));
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
