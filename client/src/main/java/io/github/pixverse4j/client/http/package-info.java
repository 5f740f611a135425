/**
 * HTTP plumbing shared by every provider module: the redacted {@link
 * io.github.pixverse4j.client.http.ApiKey}, HTTPS-only base URLs, the auth and body-size
 * interceptors, the shared {@code OkHttpClient}, the Jackson mapper, Retrofit construction,
 * mapping of HTTP failures to the {@link io.github.pixverse4j.api.VideoApiException} hierarchy, and
 * the video downloader.
 *
 * <p>A provider module typically does:
 *
 * <pre>{@code
 * HttpUrl base = BaseUrls.require(config.baseUrl());
 * ApiKey key = ApiKey.of(config.apiKey());
 * OkHttpClient client = HttpClients.forProvider(userClient, base, AuthInterceptor.bearer(key, base));
 * GmiApi api = ErrorMappingCallAdapterFactory.create("gmi", GmiErrors.mapper(key), key)
 *     .retrofit(base, client)
 *     .create(GmiApi.class);   // every call now fails with VideoApiExceptions, key scrubbed
 * }</pre>
 *
 * <p>What providers do with answers (handles, video URLs, status values, messages) is in {@link
 * io.github.pixverse4j.client.provider}.
 */
package io.github.pixverse4j.client.http;
