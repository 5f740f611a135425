package io.github.pixverse4j.client;

import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;

/** A provider that forwards every call; tests override what they change. */
class DelegatingProvider implements VideoProvider {
  private final VideoProvider delegate;

  DelegatingProvider(VideoProvider delegate) {
    this.delegate = delegate;
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public ProviderCapabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public Single<TaskHandle> submit(ImageToVideoRequest request) {
    return delegate.submit(request);
  }

  @Override
  public Single<TaskHandle> extend(io.github.pixverse4j.api.ExtendVideoRequest request) {
    return delegate.extend(request);
  }

  @Override
  public Single<TaskStatus> status(TaskHandle handle) {
    return delegate.status(handle);
  }

  @Override
  public Completable cancel(TaskHandle handle) {
    return delegate.cancel(handle);
  }

  @Override
  public java.util.Optional<io.github.pixverse4j.client.provider.WebhookVerifier> webhooks() {
    return delegate.webhooks();
  }
}
