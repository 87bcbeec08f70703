package dev.crawl.engine;

class AsyncEngineTest extends EngineContractTest {
  @Override
  Mode mode() {
    return Mode.ASYNC;
  }
}
