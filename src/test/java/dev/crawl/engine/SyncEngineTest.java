package dev.crawl.engine;

class SyncEngineTest extends EngineContractTest {
  @Override
  Mode mode() {
    return Mode.SYNC;
  }
}
