package org.subledger.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The command side sees only the shared kernel of the ledger: never projections, queries or the platform. */
@AnalyzeClasses(packages = "org.subledger.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    @ArchTest
    static final ArchRule commandSideDependsOnlyOnTheKernel = noClasses()
            .that().resideInAPackage("org.subledger.command..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.subledger.projection..", "org.subledger.query..", "org.subledger.platform..",
                    "org.subledger.app..");

    @ArchTest
    static final ArchRule aggregatesDoNotReadTheDatabase = noClasses()
            .that().resideInAnyPackage("org.subledger.command.account..", "org.subledger.command.catalog..",
                    "org.subledger.command.subscription..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..");
}
