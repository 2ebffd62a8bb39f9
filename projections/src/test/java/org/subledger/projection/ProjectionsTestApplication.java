package org.subledger.projection;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The projections with the platform (embedded PostgreSQL, Axon's JDBC stores) and nothing else. */
@SpringBootApplication
public class ProjectionsTestApplication {
}
