package org.subledger.kernel.billing;

import java.util.List;

/**
 * The facts a DISCOUNT line's explanation lists ({@link LineExplanation#discounts()}) that readers take back out: the
 * application the line counted is its fact {@code "application <number>"}, followed by the limit when the definition
 * has one ({@code "application 2 of 3 per year"}). Billing writes it and the bill read model reads it here, so the
 * bill's lines are where the discount state finds each application (one row each, not a second table).
 */
public final class DiscountLineFacts {

    private static final String APPLICATION = "application ";

    private DiscountLineFacts() {
    }

    /** The fact naming the application counted; {@code limit} is what follows the number ("" when none). */
    public static String application(int number, String limit) {
        return APPLICATION + number + limit;
    }

    /** The application number a DISCOUNT line's facts name, or {@code null} when they name none. */
    public static Integer applicationNumber(List<String> facts) {
        if (facts == null) {
            return null;
        }
        for (String fact : facts) {
            if (fact.startsWith(APPLICATION)) {
                int end = APPLICATION.length();
                while (end < fact.length() && Character.isDigit(fact.charAt(end))) {
                    end++;
                }
                if (end > APPLICATION.length() && end - APPLICATION.length() < 10) {
                    return Integer.valueOf(fact.substring(APPLICATION.length(), end));
                }
            }
        }
        return null;
    }
}
