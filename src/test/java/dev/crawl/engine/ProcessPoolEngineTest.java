package dev.crawl.engine;

class ProcessPoolEngineTest extends EngineContractTest {
  @Override
  Mode mode() {
    return Mode.PROCESSES;
  }
}
