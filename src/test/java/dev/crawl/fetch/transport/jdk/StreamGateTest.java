package dev.crawl.fetch.transport.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class StreamGateTest {
  private static final URI A = URI.create("https://127.0.0.1:8443/a");
  private static final URI B = URI.create("https://127.0.0.2:8443/b");

  private final StreamGate gate = new StreamGate();

  @Test
  void theFirstRequestToAnOriginGoesAloneUntilItsResponseHeadersArrive() {
    StreamGate.Stream first = gate.acquire(A).join();
    CompletableFuture<StreamGate.Stream> second = gate.acquire(A);
    assertFalse(second.isDone());

    first.connected();

    assertTrue(second.isDone());
  }

  @Test
  void anOriginIsOpenToAllAfterItsFirstRequestFailsBeforeAnyHeaders() {
    StreamGate.Stream first = gate.acquire(A).join();
    CompletableFuture<StreamGate.Stream> second = gate.acquire(A);

    first.release();

    assertTrue(second.isDone());
  }

  @Test
  void aRefusedStreamLowersTheCapToTheStreamsOpenWithoutIt() {
    gate.acquire(A).join().connected();
    List<StreamGate.Stream> open = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      open.add(gate.acquire(A).join());
    }

    open.remove(3).refused();

    assertEquals(4, gate.capOf(A), "the first stream and three others are open");
    CompletableFuture<StreamGate.Stream> again = gate.acquire(A);
    assertFalse(again.isDone());
    open.get(0).release();
    assertTrue(again.isDone());
  }

  @Test
  void aStreamGivenBackTwiceFreesOnePlace() {
    StreamGate.Stream first = gate.acquire(A).join();
    first.connected();
    StreamGate.Stream second = gate.acquire(A).join();
    second.refused();
    assertEquals(1, gate.capOf(A));
    CompletableFuture<StreamGate.Stream> waiting = gate.acquire(A);
    CompletableFuture<StreamGate.Stream> alsoWaiting = gate.acquire(A);

    first.release();
    first.release();

    assertTrue(waiting.isDone());
    assertFalse(alsoWaiting.isDone());
  }

  @Test
  void oneOriginsLimitDoesNotHoldBackAnother() {
    gate.acquire(A);
    gate.acquire(A);

    assertTrue(gate.acquire(B).isDone());
  }

  @Test
  void onlyTheClientsStreamLimitCountsAsARefusal() {
    assertTrue(StreamGate.isRefusal(new IOException("too many concurrent streams")));
    assertFalse(StreamGate.isRefusal(new IOException("connection reset")));
  }
}
