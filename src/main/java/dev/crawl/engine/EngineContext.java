package dev.crawl.engine;

import dev.crawl.fetch.Fetcher;
import dev.crawl.fetch.InFlight;
import dev.crawl.fetch.RunClock;

/** What every engine is built from: the shared fetcher (in-process modes) or the worker recipe. */
public record EngineContext(
    Fetcher fetcher, int concurrency, WorkerSpec workers, RunClock clock, InFlight inFlight) {}
