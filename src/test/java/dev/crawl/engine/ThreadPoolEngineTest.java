package dev.crawl.engine;

class ThreadPoolEngineTest extends EngineContractTest {
  @Override
  Mode mode() {
    return Mode.THREADS;
  }
}
