package dev.crawl.engine;

import dev.crawl.core.FetchResult;
import dev.crawl.core.RunClock;
import dev.crawl.fetch.Fetcher;
import dev.crawl.fetch.InFlight;
import dev.crawl.fetch.KeptCopies;
import java.util.function.UnaryOperator;

/**
 * What every engine is built from: the shared fetcher (in-process modes) or the worker recipe.
 *
 * @param afterSave what happens to a result once its file is stored (a crawl reads the page there)
 * @param kept the copies an earlier run kept, asked about instead of fetched outright ({@code -N})
 */
public record EngineContext(
    Fetcher fetcher, int concurrency, WorkerSpec workers, RunClock clock, InFlight inFlight,
    UnaryOperator<FetchResult> afterSave, KeptCopies kept) {}
