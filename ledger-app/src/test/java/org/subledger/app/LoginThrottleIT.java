package org.subledger.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.subledger.platform.clock.AdjustableClock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins are throttled per user name and per client address before bcrypt runs (429 with Retry-After), and
 * the throttle lifts when its window ends. A ledger of its own, with small limits, so that the address of every test
 * (localhost) is not throttled for the other tests; and with a user of two roles, to show that a key can be narrower
 * than its user. The throttle reads the ledger's clock: the test moves that clock past the window instead of waiting
 * for it (10 s of wall-clock time twice), so the window can be an hour, which no slow machine outlasts between the
 * failed logins and the assertions that they are throttled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the address throttle, which would refuse the others, comes last
class LoginThrottleIT {

    static final int MAX_PER_USER = 3;
    static final int MAX_PER_ADDRESS = 6;
    static final Duration WINDOW = Duration.ofHours(1);

    ConfigurableApplicationContext ledger;
    Api api;

    @BeforeAll
    void start() {
        ledger = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.embedded-postgres.data-dir=" + Path.of("target", "it-postgres", "throttle-" + UUID.randomUUID()),
                "--ledger.embedded-postgres.port=0",
                "--server.port=0",
                "--ledger.security.logins.failure-window=" + WINDOW,
                "--ledger.clock.adjustable=true",
                "--ledger.security.logins.max-failures-per-user=" + MAX_PER_USER,
                "--ledger.security.logins.max-failures-per-address=" + MAX_PER_ADDRESS,
                "--ledger.security.users[0].name=clerk",
                "--ledger.security.users[0].password={noop}clerk-password",
                "--ledger.security.users[0].roles[0]=AGENT",
                "--ledger.security.users[0].roles[1]=REPORTER");
        api = new Api(((WebServerApplicationContext) ledger).getWebServer().getPort());
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    @Test
    @Order(2)
    void aUserWithTooManyFailedLoginsIsThrottledThenRecoversAfterTheWindow() {
        for (int i = 0; i < MAX_PER_USER; i++) {
            assertThat(basic("auditor", "guess-" + i).status()).isEqualTo(401);
        }

        var throttled = basic("auditor", "guess-again");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(throttled.json().get("code").asText()).isEqualTo("TOO_MANY_FAILED_LOGINS");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, WINDOW.toSeconds());
        // the right password too, until the window ends: a guesser learns nothing from the answer
        assertThat(basic("auditor", "demo").status()).isEqualTo(429);
        // another user is not affected
        assertThat(basic("reporter", "demo").status()).isEqualTo(200);

        windowEnds();
        Await.until("the throttle lifts", () -> basic("auditor", "demo").status(), status -> status == 200);
    }

    @Test
    @Order(3)
    void anAddressWithTooManyFailedLoginsIsThrottledForEveryUserNotYetVerified() {
        // warm: a login verified before the flood stays valid, no bcrypt needed
        assertThat(basic("agent", "demo").status()).isEqualTo(200);
        for (int i = 0; i < MAX_PER_ADDRESS; i++) {
            int status = basic("nobody-" + i, "guess").status();
            assertThat(status).isIn(401, 429);
        }

        var throttled = basic("supervisor", "demo");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(basic("agent", "demo").status()).isEqualTo(200);

        windowEnds();
        Await.until("the address throttle lifts", () -> basic("supervisor", "demo").status(),
                status -> status == 200);
    }

    @Test
    @Order(1)
    void aKeyUsesOnlyTheRolesGivenToItNotAllOfItsUsers() {
        var created = api.send(null, "POST", "/api/api-keys", "{\"name\": \"read only\", \"roles\": [\"REPORTER\"]}",
                Map.of("Authorization", authorization("clerk", "clerk-password")));
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asText();
        var bearer = Map.of("Authorization", "Bearer " + key);
        String account = """
                {"type":"PERSON","firstName":"Key","lastName":"Scope","currency":"EUR","creditLimit":100}""";

        assertThat(api.send(null, "GET", "/api/accounts?status=UNSETTLED", null, bearer).status()).isEqualTo(200);
        var command = api.send(null, "POST", "/api/accounts", account, bearer);
        assertThat(command.status()).isEqualTo(403);
        assertThat(command.json().get("code").asText()).isEqualTo("ACCESS_DENIED");
        // the user itself, with its password, has the role the key was not given
        assertThat(api.send(null, "POST", "/api/accounts", account,
                Map.of("Authorization", authorization("clerk", "clerk-password"))).status()).isEqualTo(201);
    }

    /** The ledger's clock moved past the failure window (the sandbox clock only moves forward). */
    private void windowEnds() {
        ((AdjustableClock) ledger.getBean(Clock.class)).advance(WINDOW.plusSeconds(1));
    }

    private Api.Response basic(String user, String password) {
        return api.send(null, "GET", "/api/accounts?status=UNSETTLED", null,
                Map.of("Authorization", authorization(user, password)));
    }

    private static String authorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
