package org.subledger.platform.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cached resolver answers exactly as Axon's annotation resolver does, for every shape of command. */
class CachedCommandTargetResolverTest {

    record OnARecord(@TargetAggregateIdentifier String accountId, String other) {
    }

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    record VersionAsText(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    record NumberId(@TargetAggregateIdentifier Integer id) {
    }

    record NoTarget(String id) {
    }

    static class OnAMethod {
        private final String field = "from-field";

        @TargetAggregateIdentifier
        String target() {
            return "from-method";
        }
    }

    static class OnAField {
        @TargetAggregateIdentifier
        private final String id = "private-field";
    }

    static class Inherited extends OnAField {
    }

    private final CommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    private final CommandTargetResolver cached = new CachedCommandTargetResolver();

    @Test
    void resolvesEveryShapeAsAxonDoes() {
        for (Object command : List.of(new OnARecord("A-1", "x"), new Versioned("B-2", 7L),
                new VersionAsText("C-3", "12"), new NumberId(42), new OnAMethod(), new OnAField(), new Inherited())) {
            var message = GenericCommandMessage.asCommandMessage(command);
            for (int twice = 0; twice < 2; twice++) { // the second time from the cache
                assertThat(cached.resolveTarget(message)).as(command.getClass().getSimpleName())
                        .isEqualTo(axon.resolveTarget(message));
            }
        }
    }

    @Test
    void refusesACommandWithoutATargetOrWithANullOneAsAxonDoes() {
        for (Object command : List.of(new NoTarget("x"), new OnARecord(null, "x"))) {
            var message = GenericCommandMessage.asCommandMessage(command);
            assertThatThrownBy(() -> axon.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> cached.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not identify the target aggregate");
        }
    }

    @Test
    void refusesAVersionThatIsNotANumber() {
        var message = GenericCommandMessage.asCommandMessage(new VersionAsText("D-4", "seven"));
        assertThatThrownBy(() -> cached.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }
}
