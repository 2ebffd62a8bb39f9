package org.subledger.query.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.List;

/**
 * How bills look as documents ({@code ledger.bills.*}): the operator named on every bill, and a directory whose
 * {@code bill.html} (a Thymeleaf template, with any CSS, images or fonts it refers to by relative address) replaces
 * the one shipped in the jar. Without a directory, or without {@code bill.html} in it, the shipped template is used.
 */
@ConfigurationProperties("ledger.bills")
record BillDocumentProperties(Path templateDir, Operator operator) {

    BillDocumentProperties {
        operator = operator == null ? new Operator(null, null, null, null) : operator;
    }

    /** Who issues the bills: name, postal address (one entry a line), tax number and how to reach them. */
    record Operator(String name, List<String> address, String taxNumber, String contact) {

        Operator {
            name = name == null ? "Subscription ledger operator" : name;
            address = address == null ? List.of() : List.copyOf(address);
        }
    }
}
