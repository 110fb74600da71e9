package dev.dockerlint.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs tasks {@code 0..count-1}, each once, on the calling thread and on helper threads. Callers put
 * each task's result in its own slot and read the slots in index order, so what they produce does
 * not depend on scheduling.
 */
public final class IndexedTasks {
  /** Deep shell nesting recurses deeply, so helpers get a larger stack than the default. */
  private static final long STACK_BYTES = 16L << 20;

  private IndexedTasks() {}

  /**
   * Runs the tasks on up to {@code threads} threads, the caller's included, and returns when all
   * are done. The first exception or error a task throws stops the tasks not yet started and is
   * rethrown here, on the calling thread, as a single-threaded loop would throw it.
   */
  public static void run(int count, int threads, String name, IntConsumer task) {
    if (threads <= 1 || count <= 1) {
      for (int i = 0; i < count; i++) {
        task.accept(i); // the common case, a small file: no thread, nothing to coordinate
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      try {
        for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
          task.accept(i);
        }
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
      }
    };
    List<Thread> helpers = new ArrayList<>();
    for (int t = 1; t < Math.min(threads, count); t++) {
      Thread thread = new Thread(null, worker, name, STACK_BYTES);
      thread.setDaemon(true);
      thread.start();
      helpers.add(thread);
    }
    worker.run();
    for (Thread thread : helpers) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
    }
    Throwable thrown = failure.get();
    if (thrown instanceof RuntimeException e) {
      throw e;
    }
    if (thrown instanceof Error e) {
      throw e;
    }
  }
}
