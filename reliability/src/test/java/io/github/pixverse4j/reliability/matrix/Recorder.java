package io.github.pixverse4j.reliability.matrix;

import io.reactivex.rxjava3.core.CompletableObserver;
import io.reactivex.rxjava3.core.Observer;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Records a stream's items and its one terminal event, from any thread. */
final class Recorder<T> implements Observer<T>, CompletableObserver {
  final List<T> values = new CopyOnWriteArrayList<>();
  final List<Throwable> errors = new CopyOnWriteArrayList<>();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean completed;
  private volatile Disposable upstream;

  @Override
  public void onSubscribe(Disposable d) {
    upstream = d;
  }

  @Override
  public void onNext(T t) {
    values.add(t);
  }

  @Override
  public void onError(Throwable e) {
    errors.add(e);
    done.countDown();
  }

  @Override
  public void onComplete() {
    completed = true;
    done.countDown();
  }

  /** Waits for the terminal event; on time-out disposes the stream and returns false. */
  boolean await(long millis) throws InterruptedException {
    if (done.await(millis, TimeUnit.MILLISECONDS)) return true;
    Disposable d = upstream;
    if (d != null) d.dispose();
    return false;
  }

  boolean completed() {
    return completed;
  }

  Throwable error() {
    return errors.isEmpty() ? null : errors.get(0);
  }

  /** How many terminal events arrived (must be exactly one). */
  int terminalEvents() {
    return errors.size() + (completed ? 1 : 0);
  }
}
