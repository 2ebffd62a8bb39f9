package org.subledger.command.organisation;

import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The organisation's rules, each refusal naming the field at fault. */
final class OrganisationRules {

    static final Set<String> STAFF_ROLES = Set.of("AGENT", "SUPERVISOR", "BILLING", "AUDITOR", "REPORTER", "ADMIN");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_\\-.]{0,63}");
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@\\-]{0,63}");
    private static final int NAME_MAX = 200;

    private final Map<String, String> problems = new LinkedHashMap<>();

    static OrganisationRules check() {
        return new OrganisationRules();
    }

    OrganisationRules code(String value, String field) {
        return rule(value != null && CODE.matcher(value).matches(), field,
                "must be an upper-case code of letters, digits, '-', '_' or '.'");
    }

    OrganisationRules userName(String value) {
        return rule(value != null && USER_NAME.matcher(value).matches(), "userName",
                "must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
    }

    OrganisationRules name(String value, String field) {
        return rule(value != null && !value.isBlank() && value.length() <= NAME_MAX
                && value.chars().noneMatch(Character::isISOControl), field, "is required, one line of at most "
                + NAME_MAX + " characters");
    }

    OrganisationRules required(Object value, String field) {
        return rule(value != null, field, "is required");
    }

    OrganisationRules rule(boolean holds, String field, String problem) {
        if (!holds) {
            problems.putIfAbsent(field, problem);
        }
        return this;
    }

    /** Malformed input: {@code VALIDATION_FAILED}. */
    void orRefuse(String what) {
        if (!problems.isEmpty()) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, what + " is not valid: " + problems, problems);
        }
    }

    /** A breach of the organisation's rules: {@code ORGANISATION_RULE_VIOLATED}. */
    void orRefuseAsRule(String what) {
        if (!problems.isEmpty()) {
            throw new LedgerRefusal(ErrorCode.ORGANISATION_RULE_VIOLATED, what + " breaks the organisation's rules: "
                    + problems, problems);
        }
    }
}
