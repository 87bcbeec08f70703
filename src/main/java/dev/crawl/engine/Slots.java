package dev.crawl.engine;

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

  int take() throws InterruptedException {
    return free.take();
  }

  void give(int slot) {
    free.add(slot);
  }

  /** Waits until every slot is back, i.e. every started download has finished. */
  void awaitAll() throws InterruptedException {
    for (int i = 0; i < count; i++) {
      free.take();
    }
  }
}
