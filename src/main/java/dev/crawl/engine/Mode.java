package dev.crawl.engine;

import java.util.Locale;
import java.util.function.Function;

/** The switchboard: each constant names a mode and builds its engine. */
public enum Mode {
  SYNC(SyncEngine::new),
  THREADS(ThreadPoolEngine::new),
  PROCESSES(ProcessPoolEngine::new),
  ASYNC(AsyncEngine::new),
  VIRTUAL(VirtualThreadEngine::new);

  private final Function<EngineContext, Engine> factory;

  Mode(Function<EngineContext, Engine> factory) {
    this.factory = factory;
  }

  public Engine create(EngineContext context) {
    return factory.apply(context);
  }

  /** The name users type: {@code sync}, {@code threads}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }
}
