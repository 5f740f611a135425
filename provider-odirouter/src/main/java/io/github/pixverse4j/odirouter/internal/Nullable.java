package io.github.pixverse4j.odirouter.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// Immutables treats any annotation named Nullable as "optional, may be null"; javax.annotation is
// not on the class path and Jackson has no Optional support here (no Jdk8Module).
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
@interface Nullable {}
