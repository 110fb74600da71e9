package dev.dockerlint.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
   * are done. When tasks throw, the tasks not yet started are skipped and the failure of the task
   * with the lowest index is rethrown here, on the calling thread: what a plain loop would throw,
   * since tasks start in index order and every task before a failing one has started.
   */
  public static void run(int count, int threads, String name, IntConsumer task) {
    if (threads <= 1 || count <= 1) {
      for (int i = 0; i < count; i++) {
        task.accept(i); // the common case, a small file: no thread, nothing to coordinate
      }
      return;
    }
    Run run = new Run(count, task);
    List<Thread> helpers = new ArrayList<>();
    try {
      for (int t = 1; t < Math.min(threads, count); t++) {
        Thread thread = new Thread(null, run::work, name, STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        helpers.add(thread);
      }
    } catch (Throwable e) {
      // no more threads to be had (out of native memory): the ones started and this one do the work
    }
    try {
      run.work();
    } finally {
      boolean interrupted = false;
      for (Thread thread : helpers) {
        while (thread.isAlive()) {
          try {
            thread.join();
          } catch (InterruptedException e) {
            interrupted = true; // the helpers must finish before the caller reads their slots
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    run.rethrow();
  }

  /** The shared state of one run. A failure is recorded without allocating: it may be an out-of-memory error. */
  private static final class Run {
    private final int count;
    private final IntConsumer task;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private volatile boolean failed;
    private Throwable failure;
    private int failedIndex;

    Run(int count, IntConsumer task) {
      this.count = count;
      this.task = task;
    }

    void work() {
      int i = -1;
      try {
        // a task once claimed is always run: every task before a failing one then runs too
        while (!failed) {
          i = next.getAndIncrement();
          if (i >= count) {
            return;
          }
          task.accept(i);
          done.incrementAndGet();
        }
      } catch (Throwable e) {
        record(i, e);
      }
    }

    private synchronized void record(int index, Throwable e) {
      if (failure == null || index < failedIndex) {
        failure = e;
        failedIndex = index;
      }
      failed = true;
    }

    synchronized void rethrow() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      if (done.get() != count) {
        throw new IllegalStateException(count - done.get() + " of " + count + " tasks did not finish");
      }
    }
  }
}
