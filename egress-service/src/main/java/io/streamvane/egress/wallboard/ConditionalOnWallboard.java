package io.streamvane.egress.wallboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * {@code streamvane.egress.wallboard.enabled} (on unless set false), in one place: the wallboard's configuration and
 * its component-scanned controllers all carry it, so turning the wallboard off removes all of it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(name = "streamvane.egress.wallboard.enabled", matchIfMissing = true)
@interface ConditionalOnWallboard {
}
