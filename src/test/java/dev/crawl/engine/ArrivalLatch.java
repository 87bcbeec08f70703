package dev.crawl.engine;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.CountDownLatch;

/** Opens when a request for a stub that names it arrives, before any response delay. */
final class ArrivalLatch implements ResponseDefinitionTransformerV2 {
  static final String NAME = "arrival-latch";
  final CountDownLatch arrived = new CountDownLatch(1);

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    arrived.countDown();
    return event.getResponseDefinition();
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
