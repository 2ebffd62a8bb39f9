package org.subledger.kernel.scheduling;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.DeactivateSubscription;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduledBehaviourTest {

    @Test
    void everyCommandThatCanBeScheduledHasItsBehaviourCode() {
        var types = ScheduledCommand.class.getAnnotation(JsonSubTypes.class).value();
        assertThat(types).isNotEmpty();
        Arrays.stream(types).forEach(type -> assertThat(ScheduledBehaviour.CODES.get(type.value()))
                .as(type.name()).isNotNull());
        assertThat(ScheduledBehaviour.of(new DeactivateSubscription("s", null, null)))
                .isEqualTo(BehaviourCode.DEACTIVATE);
        assertThat(ScheduledBehaviour.of("not a command")).isNull();
    }
}
