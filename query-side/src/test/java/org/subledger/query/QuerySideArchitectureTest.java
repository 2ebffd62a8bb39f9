package org.subledger.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The query side sees the shared kernel only, holds no aggregate, and its controllers reach the read models through
 * the query bus, never through SQL of their own.
 */
@AnalyzeClasses(packages = "org.subledger.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideArchitectureTest {

    @ArchTest
    static final ArchRule querySideDependsOnNoOtherLedgerModule = noClasses()
            .that().resideInAPackage("org.subledger.query..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.subledger.command..", "org.subledger.projection..", "org.subledger.platform..");

    @ArchTest
    static final ArchRule querySideHoldsNoAggregate = noClasses()
            .that().resideInAPackage("org.subledger.query..")
            .should().beAnnotatedWith(Aggregate.class);

    @ArchTest
    static final ArchRule controllersDoNotQueryTheDatabase = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
            .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcTemplate.class);

    @ArchTest
    static final ArchRule queryHandlersAreNamedHandle = methods()
            .that().areAnnotatedWith(QueryHandler.class)
            .should().haveName("handle");
}
