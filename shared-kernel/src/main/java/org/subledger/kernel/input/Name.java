package org.subledger.kernel.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A single-line human text (a person's or product's name, an e-mail, a reference, an id longer than a code): no
 * control character, at most {@link #max()} characters. Text without an annotation is a code (see
 * {@link InputBounds#CODE_MAX_LENGTH}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Name {
    int max() default 200;
}
