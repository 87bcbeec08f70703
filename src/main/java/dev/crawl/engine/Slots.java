package dev.crawl.engine;

import dev.crawl.frontier.Frontier;
import dev.crawl.frontier.Task;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * N numbered slots: a feeder takes one before starting a download and the download gives it back.
 * Bounds work in flight like asyncio's Semaphore(N), and the slot number names the lane.
 */
final class Slots {
  private final int count;
  private final BlockingQueue<Integer> free;

  Slots(int count) {
    this.count = count;
    this.free = new ArrayBlockingQueue<>(count);
    for (int i = 1; i <= count; i++) {
      free.add(i);
    }
  }

  /** Starts one task in a slot; must call {@code done} when the task has finished. */
  interface Launcher {
    void launch(Task task, int slot, Runnable done);
  }

  /**
   * The feeder: takes a free slot, then the next task, and launches it; returns once the frontier
   * is empty and every launched task has given its slot back.
   */
  void feed(Frontier frontier, Launcher launcher) throws InterruptedException {
    while (true) {
      int slot = free.take();
      Task task = frontier.next();
      if (task == null) {
        free.add(slot);
        break;
      }
      launcher.launch(task, slot, () -> free.add(slot));
    }
    for (int i = 0; i < count; i++) {
      free.take();
    }
  }
}
