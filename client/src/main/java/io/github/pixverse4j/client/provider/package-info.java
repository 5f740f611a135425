/**
 * The provider kit: what every provider module shares besides the HTTP plumbing of {@link
 * io.github.pixverse4j.client.http}. {@link io.github.pixverse4j.client.provider.ProviderAnswers}
 * reads answers (handles, video URLs, status values, error bodies, {@code Retry-After}, the time of
 * an observation) and builds every message from them with the API key scrubbed out; {@link
 * io.github.pixverse4j.client.provider.WireStyle} is the Immutables style of wire types, {@link
 * io.github.pixverse4j.client.provider.ErrorAnswer} what an error answer said (details and the
 * "Provider said: …" of every exception built from it), {@link
 * io.github.pixverse4j.client.provider.StatusNames} a provider's status spellings, {@link
 * io.github.pixverse4j.client.provider.BaseHttpClient} the Dagger qualifier of the credential-free
 * client. {@link io.github.pixverse4j.client.provider.NoJobCreatedException} and {@link
 * io.github.pixverse4j.client.provider.TaskEndedBeforeCancelException} are what a provider reports
 * to the engine; users never see them. HTTP errors of a provider's Retrofit interface are mapped in
 * one place by {@link io.github.pixverse4j.client.http.ErrorMappingCallAdapterFactory}. The layout
 * of a provider module is described in the testkit's README (the provider author's guide).
 */
@NullMarked
package io.github.pixverse4j.client.provider;

import org.jspecify.annotations.NullMarked;
