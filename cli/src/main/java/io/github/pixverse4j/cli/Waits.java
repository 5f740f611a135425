package io.github.pixverse4j.cli;

import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.functions.Consumer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one way a command waits for the library: it blocks like {@code blockingSubscribe}, but Ctrl-C
 * ({@link #interrupt}) disposes the work and ends the wait with {@link
 * CommandInterruptedException}. An interrupt that arrives between two waits stops the next one at
 * once, so none is lost.
 */
final class Waits {
  /** Thrown when Ctrl-C stopped a wait. */
  static final class CommandInterruptedException extends RuntimeException {
    CommandInterruptedException() {
      super("interrupted", null, false, false);
    }
  }

  private final AtomicReference<Run> active = new AtomicReference<>();
  private volatile boolean interruptRequested;

  /** Stops the wait in progress and every later one (Ctrl-C). */
  void interrupt() {
    interruptRequested = true;
    Run run = active.get();
    if (run != null) run.interrupt();
  }

  /**
   * Subscribes to {@code stream}, passes each item to {@code onNext} and returns when it completes.
   *
   * @throws CommandInterruptedException after {@link #interrupt}
   * @throws RuntimeException the stream's error (a checked one wrapped in an {@link
   *     IllegalStateException})
   */
  <T> void each(Observable<T> stream, Consumer<? super T> onNext) throws InterruptedException {
    Run run = new Run();
    active.set(run);
    if (interruptRequested) run.interrupt();
    try {
      run.start(stream.subscribe(onNext, run::fail, run::finish));
      run.done.await();
      if (run.interrupted) throw new CommandInterruptedException();
    } finally {
      active.compareAndSet(run, null);
    }
    Throwable e = run.error.get();
    if (e != null)
      throw e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
  }

  /** The value of {@code single}, waited for like {@link #each}. */
  <T> T await(Single<T> single) throws InterruptedException {
    AtomicReference<T> value = new AtomicReference<>();
    each(single.toObservable(), value::set);
    return value.get();
  }

  /** Waits for {@code completable} like {@link #each}. */
  void await(Completable completable) throws InterruptedException {
    each(completable.toObservable(), x -> {});
  }

  /** One wait; Ctrl-C disposes its work. */
  private static final class Run {
    final CountDownLatch done = new CountDownLatch(1);
    final AtomicReference<Disposable> work = new AtomicReference<>();
    final AtomicReference<Throwable> error = new AtomicReference<>();
    volatile boolean interrupted;

    void start(Disposable d) {
      work.set(d);
      if (interrupted) d.dispose();
    }

    void fail(Throwable e) {
      error.set(e);
      done.countDown();
    }

    void finish() {
      done.countDown();
    }

    void interrupt() {
      interrupted = true;
      Disposable d = work.get();
      if (d != null) d.dispose();
      done.countDown();
    }
  }
}
