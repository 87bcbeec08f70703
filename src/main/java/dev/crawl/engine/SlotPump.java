package dev.crawl.engine;

import dev.crawl.core.Task;
import dev.crawl.frontier.Frontier;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Scheduling for N numbered slots (async futures, virtual threads): the download that frees a slot
 * starts the next one itself, on its own thread, so no single feeder serialises a hundred wake-ups per burst of
 * responses. The caller's thread only reads input ahead into a small ready queue, so slow input
 * (a pipe) never blocks the threads that run downloads.
 */
final class SlotPump {
  private final ConcurrentLinkedQueue<Integer> free = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Task> ready = new ConcurrentLinkedQueue<>();
  private final Semaphore room;
  private final AtomicInteger running = new AtomicInteger();
  private final Object finished = new Object();
  private final Launcher launcher;
  private final Consumer<Task> unstarted;

  /** Starts one task in a slot; must call {@code done} when the task has finished. */
  interface Launcher {
    void launch(Task task, int slot, Runnable done);
  }

  /** @param unstarted told of each task taken from the frontier that a stop kept from starting */
  SlotPump(int slots, Launcher launcher, Consumer<Task> unstarted) {
    this.unstarted = unstarted;
    for (int i = 1; i <= slots; i++) {
      free.add(i);
    }
    this.room = new Semaphore(slots);
    this.launcher = launcher;
  }

  /** Feeds every task of the frontier and returns once all of them have finished. */
  void run(Frontier frontier) throws InterruptedException {
    try {
      for (Task task; (task = frontier.next()) != null; ) {
        room.acquire();
        ready.add(task);
        pump();
      }
      synchronized (finished) {
        while (!ready.isEmpty() || running.get() > 0) {
          finished.wait();
        }
      }
    } catch (InterruptedException e) {
      for (Task task; (task = ready.poll()) != null; ) {
        unstarted.accept(task);
      }
      throw e;
    }
  }

  /**
   * Starts ready tasks in free slots; every party calls it after its own change, so none is lost.
   * A task is counted as running before it leaves the ready queue: between the two it would be in
   * neither, and {@link #run} could see an empty queue and nothing running while it still starts.
   */
  private void pump() {
    while (true) {
      Integer slot = free.poll();
      if (slot == null) {
        return;
      }
      running.incrementAndGet();
      Task task = ready.poll();
      if (task == null) {
        free.add(slot);
        finishedOne();
        if (ready.isEmpty()) {
          return;
        }
        continue;
      }
      room.release();
      launcher.launch(task, slot, () -> done(slot));
    }
  }

  private void done(int slot) {
    free.add(slot);
    finishedOne();
    pump();
  }

  private void finishedOne() {
    if (running.decrementAndGet() == 0 && ready.isEmpty()) {
      synchronized (finished) {
        finished.notifyAll();
      }
    }
  }
}
