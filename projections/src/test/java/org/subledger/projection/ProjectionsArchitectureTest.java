package org.subledger.projection;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

import java.lang.annotation.Annotation;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The projections see the shared kernel only, and every read model is one kebab-case processing group. */
@AnalyzeClasses(packages = "org.subledger.projection", importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectionsArchitectureTest {

    @ArchTest
    static final ArchRule projectionsDependOnNoOtherLedgerModule = noClasses()
            .that().resideInAPackage("org.subledger.projection..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.subledger.command..", "org.subledger.query..", "org.subledger.platform..");

    @ArchTest
    static final ArchRule eventHandlersAreNamedOn = methods()
            .that().areAnnotatedWith(EventHandler.class)
            .should().haveName("on");

    @ArchTest
    static final ArchRule eventHandlingClassesBelongToAProcessingGroupWithAResetHandler = classes()
            .that().containAnyMethodsThat(describe("are event handlers",
                    (JavaMethod method) -> method.isAnnotatedWith(EventHandler.class)))
            .should().beAnnotatedWith(ProcessingGroup.class)
            .andShould(haveAMethodAnnotatedWith(ResetHandler.class));

    @ArchTest
    static final ArchRule processingGroupsAreKebabCase = classes()
            .that().areAnnotatedWith(ProcessingGroup.class)
            .should(haveAKebabCaseProcessingGroup());

    private static ArchCondition<JavaClass> haveAMethodAnnotatedWith(Class<? extends Annotation> annotation) {
        return new ArchCondition<>("have a method annotated with @" + annotation.getSimpleName()) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean found = javaClass.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(annotation));
                events.add(new SimpleConditionEvent(javaClass, found, javaClass.getName()
                        + (found ? " has" : " has no") + " method annotated with @" + annotation.getSimpleName()));
            }
        };
    }

    private static ArchCondition<JavaClass> haveAKebabCaseProcessingGroup() {
        return new ArchCondition<>("have a kebab-case processing group name") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String name = javaClass.getAnnotationOfType(ProcessingGroup.class).value();
                boolean kebab = name.matches("[a-z0-9]+(-[a-z0-9]+)*");
                events.add(new SimpleConditionEvent(javaClass, kebab,
                        javaClass.getName() + " has processing group '" + name + "'"));
            }
        };
    }
}
