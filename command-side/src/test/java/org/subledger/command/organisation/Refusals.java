package org.subledger.command.organisation;

import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

final class Refusals {

    private Refusals() {
    }

    static Matcher<?> refusal(ErrorCode code, String field) {
        return Matchers.predicate(exception -> exception instanceof LedgerRefusal refusal && refusal.code() == code
                && refusal.fields().containsKey(field));
    }
}
