package dev.crawl.engine;

import dev.crawl.core.ResultSink;
import dev.crawl.frontier.Frontier;

/**
 * Runs every task of a frontier through the shared fetch path; implementations differ only in
 * scheduling. The set of modes is closed, and each has exactly one engine.
 */
public sealed interface Engine
    permits SyncEngine, ThreadPoolEngine, ProcessPoolEngine, AsyncEngine, VirtualThreadEngine {

  /** Runs until the frontier is empty and every started download has reported to the sink. */
  EngineStats run(Frontier frontier, ResultSink sink) throws InterruptedException;
}
