package org.subledger.platform.projectioncheck;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the projection checks ({@code ledger.audit.projection-checks.*}).
 *
 * @param projections        every read model that can be checked: its processing group and the tables it writes.
 *                           Said here rather than found by naming convention, so what a check covers can be seen;
 *                           a table two groups write (e.g. {@code subscription_service}) makes a check of either
 *                           rebuild both
 * @param schema             the scratch schema rebuilt projections are written to; created by the embedded cluster's
 *                           superuser at start (creating a schema needs a right the ledger's role may lack), emptied
 *                           by each check
 * @param excludedMigrations projection migrations not run in the scratch schema: those that create objects outside
 *                           the read models' own tables (the reporting schema's views)
 * @param catchUpTimeout     how long a check waits for the live projections to reach the event store's head before
 *                           comparing
 * @param maxRowsShown       differing rows shown per table and side
 * @param batchSize          events replayed per transaction
 */
@ConfigurationProperties("ledger.audit.projection-checks")
public record ProjectionCheckProperties(Map<String, List<String>> projections,
                                        String schema,
                                        List<String> excludedMigrations,
                                        Duration catchUpTimeout,
                                        Integer maxRowsShown,
                                        Integer batchSize) {

    public ProjectionCheckProperties {
        projections = projections == null ? Map.of() : new LinkedHashMap<>(projections);
        schema = schema == null ? "projection_check" : schema;
        excludedMigrations = excludedMigrations == null
                ? List.of("V2_680__reporting_schema.sql", "V2_721__reporting_receivables.sql",
                        "V2_901__reporting_bill_sections.sql", "V2_992__reporting_discount_applications.sql")
                : List.copyOf(excludedMigrations);
        catchUpTimeout = catchUpTimeout == null ? Duration.ofSeconds(60) : catchUpTimeout;
        maxRowsShown = maxRowsShown == null ? 20 : maxRowsShown;
        batchSize = batchSize == null ? 1000 : batchSize;
    }
}
