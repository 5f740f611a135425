package io.github.pixverse4j.client.provider;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of every provider module's wire types: put it on the {@code package-info} of
 * the module's {@code internal} package. Generated classes are package-private (only the abstract
 * wire types are visible), builders are nested, no Guava is needed, {@code @Redacted} values print
 * as {@code ****}.
 *
 * <p>The same settings as the public model's style in api-model, which has source retention so that
 * users of that package never need Immutables; this one has class retention so that it reaches the
 * provider modules, which run the Immutables processor at compile time only.
 *
 * <p>{@code allowedClasspathAnnotations} lists only {@code @Override}, so the generated classes
 * carry no {@code org.immutables.value.Generated}: users compile without Immutables, and javac
 * would warn about that missing annotation type once per generated class it reads (which breaks
 * {@code -Werror} builds; {@code ConsumerCompileTest} in api-model checks it).
 */
@Documented
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allParameters = false,
    defaults = @Value.Immutable(copy = true),
    redactedMask = "****",
    allowedClasspathAnnotations = {java.lang.Override.class})
public @interface WireStyle {}
