package dev.crawl.frontier;

import dev.crawl.core.Task;

/**
 * The queue of tasks an engine pulls from. Implementations are safe to call from many threads;
 * engines pull only when they have a free slot, so input is read no faster than it is downloaded.
 */
public interface Frontier {

  /** The next task, or {@code null} when there is nothing left to do. */
  Task next() throws InterruptedException;
}
