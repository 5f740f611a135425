package io.github.pixverse4j.client.provider;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/**
 * Qualifies the plain {@code OkHttpClient} without any provider credentials: the base that provider
 * modules derive their authenticated client from, and the one downloads use.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface BaseHttpClient {}
