package org.subledger.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries across the whole assembled ledger (Maven scopes enforce them at compile time; this states
 * them and checks the built classes): the kernel depends on no module, the query side never sees the command side,
 * and aggregates live on the command side only.
 */
class ModuleBoundariesTest {

    static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.subledger");

    @Test
    void theKernelDependsOnNoOtherModuleAndNoSpring() {
        noClasses().that().resideInAPackage("org.subledger.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.subledger.command..",
                        "org.subledger.projection..", "org.subledger.query..", "org.subledger.platform..",
                        "org.springframework..")
                .check(LEDGER);
    }

    @Test
    void theQuerySideNeverSeesTheCommandSide() {
        noClasses().that().resideInAPackage("org.subledger.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.subledger.command..",
                        "org.subledger.projection..", "org.subledger.platform..")
                .check(LEDGER);
    }

    @Test
    void projectionsDependOnlyOnTheKernel() {
        noClasses().that().resideInAPackage("org.subledger.projection..")
                .should().dependOnClassesThat().resideInAnyPackage("org.subledger.command..",
                        "org.subledger.query..", "org.subledger.platform..")
                .check(LEDGER);
    }

    @Test
    void aggregatesLiveOnTheCommandSideOnly() {
        classes().that().areAnnotatedWith(Aggregate.class)
                .should().resideInAPackage("org.subledger.command..")
                .check(LEDGER);
    }

    @Test
    void thePlatformHoldsNoBusinessRules() {
        noClasses().that().resideInAPackage("org.subledger.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.subledger.command..",
                        "org.subledger.projection..", "org.subledger.query..")
                .check(LEDGER);
    }
}
