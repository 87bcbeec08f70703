package dev.crawl.fetch.body;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The body path as the JDK client drives it: several buffers per delivery, slices of shared arrays. */
class BodyReaderTest {
  private static final BodyReader.Limits NO_LIMITS = new BodyReader.Limits(0, 0, 0, 0, 0, "");

  @TempDir Path tmp;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  @Test
  void aBodyDeliveredInBatchesOfSlicesIsSavedByteForByte() throws Exception {
    byte[] body = random(300_000);
    BodyReader.Body saved = read(new BodyDecoder.Identity(), deliveries(body, new SplittableRandom(1)));

    assertArrayEquals(body, Files.readAllBytes(saved.file()));
    assertEquals(body.length, saved.bytes());
    assertEquals(crc(body), saved.crc32());
  }

  @Test
  void aGzipBodyDeliveredInBatchesIsSavedDecoded() throws Exception {
    byte[] body = "a line of text that compresses well\n".repeat(20_000).getBytes();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(body);
    }
    BodyReader.Body saved = read(new GzipDecoder(), deliveries(gz.toByteArray(), new SplittableRandom(2)));

    assertArrayEquals(body, Files.readAllBytes(saved.file()));
    assertEquals(crc(body), saved.crc32());
  }

  @Test
  void aBodyOverTheCapFailsAndStopsWriting() throws Exception {
    byte[] body = random(100_000);
    Path file = tmp.resolve("capped");
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    BodyReader reader = BodyReader.toFile(
        file, channel, new BodyDecoder.Identity(), new BodyReader.Limits(50_000, 0, 0, 0, 0, ""), timer);
    drive(reader, deliveries(body, new SplittableRandom(3)));

    Throwable failure = reader.getBody().toCompletableFuture().handle((b, e) -> e).get(30, TimeUnit.SECONDS);
    assertTrue(failure != null && failure.getMessage().contains("--max-size"), String.valueOf(failure));
    assertTrue(Files.size(file) <= 50_000, "kept bytes over the cap: " + Files.size(file));
  }

  private BodyReader.Body read(BodyDecoder decoder, List<List<ByteBuffer>> deliveries) throws Exception {
    Path file = tmp.resolve("body");
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    BodyReader reader = BodyReader.toFile(file, channel, decoder, NO_LIMITS, timer);
    drive(reader, deliveries);
    return reader.getBody().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static void drive(BodyReader reader, List<List<ByteBuffer>> deliveries) {
    reader.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {}

      @Override
      public void cancel() {}
    });
    for (List<ByteBuffer> d : deliveries) {
      reader.onNext(d);
    }
    reader.onComplete();
  }

  /**
   * Cuts the bytes into deliveries of 1 to 5 buffers, each a slice at an offset into a larger
   * array whose other bytes are garbage, as the JDK client's shared read buffers are.
   */
  private static List<List<ByteBuffer>> deliveries(byte[] bytes, SplittableRandom random) {
    List<List<ByteBuffer>> all = new ArrayList<>();
    int pos = 0;
    while (pos < bytes.length) {
      List<ByteBuffer> delivery = new ArrayList<>();
      for (int n = 1 + random.nextInt(5); n > 0 && pos < bytes.length; n--) {
        int len = Math.min(bytes.length - pos, 1 + random.nextInt(20_000));
        byte[] shared = new byte[len + 64];
        java.util.Arrays.fill(shared, (byte) 0x5a);
        System.arraycopy(bytes, pos, shared, 32, len);
        delivery.add(ByteBuffer.wrap(shared, 32, len).slice());
        pos += len;
      }
      all.add(delivery);
    }
    return all;
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new SplittableRandom(42).nextBytes(b);
    return b;
  }

  private static long crc(byte[] b) {
    CRC32 c = new CRC32();
    c.update(b);
    return c.getValue();
  }
}
