package dev.crawl.engine;

class VirtualThreadEngineTest extends EngineContractTest {
  @Override
  Mode mode() {
    return Mode.VIRTUAL;
  }
}
