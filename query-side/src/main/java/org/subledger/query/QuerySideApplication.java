package org.subledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A query node on its own: the projections that build the read models, the query handlers and the query and audit
 * APIs. Scale-out runs M of these beside the command nodes on one PostgreSQL.
 */
@SpringBootApplication(scanBasePackages = {"org.subledger.query", "org.subledger.projection"})
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
