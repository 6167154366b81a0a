package dev.perfharness.jmh.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark class that needs servers beyond the JVM. Without them the suite reports the class
 * as "not run" with the reason (for Docker: "not run: no engine") and runs the others.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresBackend {
    Backend[] value();
}
