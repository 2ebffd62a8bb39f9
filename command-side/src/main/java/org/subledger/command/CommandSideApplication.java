package org.subledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A command node on its own: aggregates, command handlers, sagas and the command API. Scale-out runs N of these
 * and M query nodes against one PostgreSQL (and Axon Server, profile {@code axonserver}).
 */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
