package dev.crawl.fetch.body;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A body coded more than once ({@code Content-Encoding: gzip, br}: gzip applied first), undone
 * layer by layer as it streams: what one layer decodes is fed to the next at once, so the whole is
 * never held and the size bound sees every decoded byte as it appears.
 */
final class StackedDecoder implements BodyDecoder {
  /** curl's bound on stacked codings: more is no real server, only a way to multiply a bomb. */
  static final int MAX_LAYERS = 5;

  private final List<BodyDecoder> layers;

  /** @param layers in the order they are undone: the last coding applied comes first */
  StackedDecoder(List<BodyDecoder> layers) {
    this.layers = List.copyOf(layers);
  }

  @Override
  public void feed(ByteBuffer wire, Sink sink) throws IOException {
    feed(0, wire, sink);
  }

  private void feed(int layer, ByteBuffer bytes, Sink sink) throws IOException {
    if (layer == layers.size()) {
      sink.write(bytes);
      bytes.position(bytes.limit());
      return;
    }
    layers.get(layer).feed(bytes, decoded -> feed(layer + 1, decoded, sink));
  }

  /** Outer layers first: each one's end has been fed through the layers below it during feed. */
  @Override
  public void finish() throws IOException {
    try {
      for (BodyDecoder d : layers) {
        d.finish();
      }
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    for (BodyDecoder d : layers) {
      d.close();
    }
  }
}
