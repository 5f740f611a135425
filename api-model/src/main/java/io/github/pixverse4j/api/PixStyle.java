package io.github.pixverse4j.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: generated classes stay package-private, users only see
 * the public abstract type and its nested {@code Builder}.
 *
 * <p>{@code allowedClasspathAnnotations} lists only {@code @Override}, so the generated classes
 * carry no {@code org.immutables.value.Generated}: users compile without Immutables, and javac
 * would warn about that missing annotation type once per generated class it reads (which breaks
 * {@code -Werror} builds; {@code ConsumerCompileTest} in api-model checks it).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allParameters = false,
    defaults = @Value.Immutable(copy = true),
    redactedMask = "****",
    allowedClasspathAnnotations = {java.lang.Override.class})
public @interface PixStyle {}
