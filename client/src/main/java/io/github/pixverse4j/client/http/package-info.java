/**
 * HTTP plumbing shared by every provider module: the redacted {@link
 * io.github.pixverse4j.client.http.ApiKey}, HTTPS-only base URLs, the auth and body-size
 * interceptors, the shared {@code OkHttpClient}, Retrofit construction (with the shared Jackson
 * configuration), mapping of HTTP failures to the {@link
 * io.github.pixverse4j.api.VideoApiException} hierarchy (with {@link
 * io.github.pixverse4j.client.http.RequestNotSentException} telling a call that failed before its
 * request reached the wire from one that may have been received), and the video downloader.
 *
 * <p>A provider module typically does:
 *
 * <pre>{@code
 * HttpUrl base = BaseUrls.require("https://api.example.com/v1");
 * ApiKey key = ApiKey.of(System.getenv("EXAMPLE_API_KEY"));
 * OkHttpClient client = HttpClients.forProvider(userClient, base, AuthInterceptor.bearer(key, base));
 * GmiApi api = ErrorMappingCallAdapterFactory.create("gmi", GmiErrors.mapper(key), key)
 *     .retrofit(base, client)
 *     .create(GmiApi.class);   // every call now fails with VideoApiExceptions, key scrubbed
 * }</pre>
 *
 * <p>What providers do with answers (handles, video URLs, status values, messages) is in {@link
 * io.github.pixverse4j.client.provider}.
 *
 * <p>The credential's form is a parameter of {@link
 * io.github.pixverse4j.client.http.AuthInterceptor}: {@code bearer(key, base)} sends {@code
 * Authorization: Bearer <key>}, {@code authorization("Key", key, base)} any other scheme ({@code
 * Authorization: Key <key>}), and {@code header("API-KEY", key, base)} the bare key in a header of
 * its own.
 */
@NullMarked
package io.github.pixverse4j.client.http;

import org.jspecify.annotations.NullMarked;
