package org.subledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Who may use the ledger, and what authentication may cost.
 *
 * @param demoUsers the demo organisation and users ({@code agent}, {@code supervisor}, {@code billing},
 *                  {@code auditor}, {@code reporter}, {@code admin}, {@code sales}, {@code installer}, password
 *                  {@code demo}), set up in the directory at start-up by the command side; on by default with the
 *                  embedded database only, not set up on an external database unless set to {@code true} explicitly
 * @param users     the deployment's own users; passwords in Spring's encoded form, e.g. {@code {bcrypt}$2a$...}
 * @param apiKeys   API keys of API clients
 * @param logins    HTTP Basic: the cache of verified passwords and the throttling of failed logins
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(Boolean demoUsers, List<User> users, ApiKeys apiKeys, Logins logins) {

    public LedgerSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        apiKeys = apiKeys == null ? new ApiKeys(null, null, null) : apiKeys;
        logins = logins == null ? new Logins(null, null, null, null, null) : logins;
    }

    /**
     * One configured user with its roles (AGENT, SUPERVISOR, BILLING, AUDITOR, REPORTER, ADMIN).
     *
     * @param units     the unit codes whose records the user may see and change, taken as given (no closure); the
     *                  first is the unit it acts for. Left out: the user sees everything, as before units existed
     * @param superUser sees and changes everything, whatever its units
     */
    public record User(String name, String password, List<String> roles, List<String> units, Boolean superUser) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            units = units == null ? List.of() : List.copyOf(units);
        }

        /** Whether this user is limited to its units (and so carries an access scope of its own). */
        public boolean scoped() {
            return !units.isEmpty() || Boolean.TRUE.equals(superUser);
        }
    }

    /**
     * @param hmacSecret  the server secret keying the hash of stored API keys; when absent one is generated once and
     *                    kept in PostgreSQL ({@code api_key_hmac_secret}), shared by every node of the ledger
     * @param environment {@code live} or {@code test}, the keys' prefix ({@code sk_live_}, {@code sk_test_});
     *                    by default {@code test} on the embedded database and {@code live} otherwise
     * @param cacheTtl    how long a node trusts a verified key without reading its row again (default 10 s); a key
     *                    revoked on this node is refused at once, on other nodes within this time
     */
    public record ApiKeys(String hmacSecret, String environment, Duration cacheTtl) {
        public ApiKeys {
            cacheTtl = cacheTtl == null ? Duration.ofSeconds(10) : cacheTtl;
        }
    }

    /**
     * @param passwordCacheTtl            how long a verified user name and password is trusted without bcrypt
     *                                    (default 5 minutes)
     * @param failureWindow               the window failed logins are counted in (default 1 minute); a throttled
     *                                    user or address may try again when it ends
     * @param maxFailuresPerUser          failed logins of one user name in a window before further attempts are
     *                                    refused with 429 (default 10)
     * @param maxFailuresPerAddress       failed logins from one client address in a window (default 50)
     * @param maxConcurrentPasswordChecks bcrypt checks running at once (default 1): what a flood of uncached
     *                                    passwords may cost at most is one core
     */
    public record Logins(Duration passwordCacheTtl, Duration failureWindow, Integer maxFailuresPerUser,
                         Integer maxFailuresPerAddress, Integer maxConcurrentPasswordChecks) {
        public Logins {
            passwordCacheTtl = passwordCacheTtl == null ? Duration.ofMinutes(5) : passwordCacheTtl;
            failureWindow = failureWindow == null ? Duration.ofMinutes(1) : failureWindow;
            maxFailuresPerUser = maxFailuresPerUser == null ? 10 : maxFailuresPerUser;
            maxFailuresPerAddress = maxFailuresPerAddress == null ? 50 : maxFailuresPerAddress;
            maxConcurrentPasswordChecks = maxConcurrentPasswordChecks == null ? 1 : maxConcurrentPasswordChecks;
        }
    }
}
