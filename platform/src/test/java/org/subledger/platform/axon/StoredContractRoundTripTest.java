package org.subledger.platform.axon;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.subledger.kernel.event.DomainEvent;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type of the stored contract survives the storage serializer unchanged, and states its revision.
 * Event types are found on the classpath, so a new event is covered the day it is written.
 */
class StoredContractRoundTripTest {

    private final Serializer serializer = StorageJson.serializer();

    static List<Class<?>> eventTypes() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.subledger.kernel")
                .stream()
                .filter(javaClass -> javaClass.isAssignableTo(DomainEvent.class) && !javaClass.isInterface())
                .map(JavaClass::reflect)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
    }

    @Test
    void findsTheEventsOfTheContract() {
        assertThat(eventTypes()).extracting(Class::getSimpleName)
                .contains("AccountOpened", "ChargePosted", "PaymentRecorded", "AccountClosed", "ProcessStepRefused",
                        "ProcessStepRefusalResolved");
    }

    @TestFactory
    Stream<DynamicTest> everyEventSurvivesTheRoundTripThroughReadableJson() {
        return eventTypes().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            Object event = SampleValues.instance(type);
            SerializedObject<String> stored = serializer.serialize(event, String.class);

            assertThat(stored.getData()).startsWith("{");
            assertThat(stored.getType().getRevision()).as("@Revision of " + type.getSimpleName()).isNotNull();
            Object back = serializer.deserialize(stored);
            assertThat(back).isEqualTo(event);
        }));
    }
}
