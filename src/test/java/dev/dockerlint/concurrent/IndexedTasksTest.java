package dev.dockerlint.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class IndexedTasksTest {
  @Test
  void everyIndexRunsExactlyOnce() {
    for (int threads : new int[] {1, 2, 4}) {
      AtomicIntegerArray runs = new AtomicIntegerArray(1000);
      IndexedTasks.run(1000, threads, "test", runs::incrementAndGet);
      for (int i = 0; i < 1000; i++) {
        assertThat(runs.get(i)).as("index %d on %d threads", i, threads).isEqualTo(1);
      }
    }
    IndexedTasks.run(0, 4, "test", i -> {
      throw new AssertionError("no task to run");
    });
  }

  @Test
  void oneThreadRunsOnTheCaller() {
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    IndexedTasks.run(50, 1, "test", i -> seen.add(Thread.currentThread()));
    assertThat(seen).containsExactly(Thread.currentThread());
  }

  @Test
  void severalThreadsShareTheWork() {
    Set<String> names = ConcurrentHashMap.newKeySet();
    IndexedTasks.run(200, 2, "helper", i -> {
      names.add(Thread.currentThread().getName());
      try {
        Thread.sleep(1); // long enough that the helper gets tasks too
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertThat(names).contains("helper", Thread.currentThread().getName());
  }

  @Test
  void whatATaskThrowsOnAnyThreadIsRethrownOnTheCaller() {
    assertThatThrownBy(() -> IndexedTasks.run(500, 4, "test", i -> {
      if (i == 321) {
        throw new IllegalStateException("task 321");
      }
    })).isInstanceOf(IllegalStateException.class).hasMessage("task 321");
    assertThatThrownBy(() -> IndexedTasks.run(500, 4, "test", i -> {
      if (i == 17) {
        throw new OutOfMemoryError("stand-in");
      }
    })).isInstanceOf(OutOfMemoryError.class).hasMessage("stand-in");
  }

  /** The failure a plain loop would throw: the lowest index's, even when a later task fails first. */
  @Test
  void theLowestIndexFailureWinsWhateverFailsFirst() {
    for (int round = 0; round < 5; round++) {
      assertThatThrownBy(() -> IndexedTasks.run(20, 2, "test", i -> {
        if (i == 0) {
          try {
            Thread.sleep(50); // fails last
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new IllegalStateException("task 0");
        }
        if (i == 1) {
          throw new IllegalArgumentException("task 1");
        }
      })).isInstanceOf(IllegalStateException.class).hasMessage("task 0");
    }
  }
}
