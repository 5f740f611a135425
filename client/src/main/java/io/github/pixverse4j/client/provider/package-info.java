/**
 * The provider kit: what every provider module shares besides the HTTP plumbing of {@link
 * io.github.pixverse4j.client.http}. {@link io.github.pixverse4j.client.provider.ProviderAnswers}
 * reads answers (handles, video URLs, status values, error bodies, {@code Retry-After}, the time of
 * an observation) and builds every message from them with the API key scrubbed out; {@link
 * io.github.pixverse4j.client.provider.WireStyle} is the Immutables style of wire types. HTTP
 * errors of a provider's Retrofit interface are mapped in one place by {@link
 * io.github.pixverse4j.client.http.ErrorMappingCallAdapterFactory}. The layout of a provider
 * module is described in the testkit's README (the provider author's guide).
 */
@NullMarked
package io.github.pixverse4j.client.provider;

import org.jspecify.annotations.NullMarked;
