package dev.crawl.fetch.body;

import dev.crawl.archive.RawCopy;
import dev.crawl.core.Sizes;
import dev.crawl.fetch.http.FetchException;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Streams a response body, decoded, to a file (or discards it) while enforcing a size cap, an idle
 * timeout and a total deadline. The JDK's request timeout stops at the response headers, so without
 * this a server that stalls mid-body would hang the download forever.
 */
public final class BodyReader implements BodySubscriber<BodyReader.Body> {

  /** What was kept: the file (null when discarded), its decoded size, and its CRC-32. */
  public record Body(Path file, long bytes, long crc32) {}

  /**
   * Limits for one body. {@code deadlineNanos} is absolute on {@link System#nanoTime()}; 0 = none.
   * {@code minRate} is bytes per second on the wire, checked over each idle window.
   * {@code maxDecoded} bounds what a compressed body decodes to when {@code maxBytes} does not; 0 = none.
   */
  public record Limits(long maxBytes, long maxDecoded, long idleNanos, long minRate, long deadlineNanos, String sizeHint) {}

  private final Path file;
  private final FileChannel channel;
  private final BodyDecoder decoder;
  private final Limits limits;
  private final ScheduledExecutorService timer;
  private final CompletableFuture<Body> result = new CompletableFuture<>();
  // CRC-32 is a native call, fast whatever the JIT tier; SHA-256 cost a third of our CPU under C1
  private final CRC32 crc;
  private Flow.Subscription subscription;
  private ScheduledFuture<?> watchdog;
  private long bytes;
  private long wireBytes;
  private long lastActivity = System.nanoTime();
  private long windowStart = System.nanoTime();
  private long windowWireBytes;
  private boolean done;
  // the body as it came off the wire, for the archive (--warc); null when not archiving
  private RawCopy raw;

  private BodyReader(Path file, FileChannel channel, BodyDecoder decoder, Limits limits,
      ScheduledExecutorService timer, long already, CRC32 crcOfAlready) {
    this.file = file;
    this.channel = channel;
    this.decoder = decoder;
    this.limits = limits;
    this.timer = timer;
    this.bytes = already;
    this.crc = crcOfAlready;
  }

  public static BodyReader toFile(
      Path file, FileChannel channel, BodyDecoder decoder, Limits limits, ScheduledExecutorService timer) {
    return new BodyReader(file, channel, decoder, limits, timer, 0, new CRC32());
  }

  /**
   * Appends the rest of a body to the part an earlier download kept ({@code -C}): counts, caps and
   * checksums cover the whole body, so {@code crcOfAlready} must have seen the {@code already} bytes.
   */
  public static BodyReader appending(Path file, FileChannel channel, long already, CRC32 crcOfAlready, Limits limits,
      ScheduledExecutorService timer) {
    return new BodyReader(file, channel, new BodyDecoder.Identity(), limits, timer, already, crcOfAlready);
  }

  public static BodyReader discarding(Limits limits, ScheduledExecutorService timer) {
    return new BodyReader(null, null, new BodyDecoder.Identity(), limits, timer, 0, new CRC32());
  }

  /** A reader that refuses the body outright, e.g. when Content-Length already exceeds the cap. */
  public static BodyReader failing(IOException reason, ScheduledExecutorService timer) {
    BodyReader r = discarding(new Limits(0, 0, 0, 0, 0, ""), timer);
    r.fail(reason);
    return r;
  }

  /** Also keeps the body as it comes off the wire, before decoding, for the archive. */
  public synchronized BodyReader teeTo(RawCopy copy) {
    this.raw = copy;
    return this;
  }

  @Override
  public CompletionStage<Body> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    synchronized (this) {
      subscription = s;
      if (done) {
        s.cancel();
        return;
      }
      armWatchdog();
    }
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    synchronized (this) {
      if (done) {
        return;
      }
      lastActivity = System.nanoTime();
      try {
        for (ByteBuffer b : buffers) {
          wireBytes += b.remaining();
          if (raw != null) {
            raw.write(b);
          }
          decoder.feed(b, this::keep);
        }
      } catch (Enough e) {
        stopEarly();
        return;
      } catch (IOException e) {
        fail(e);
        return;
      }
    }
    subscription.request(1);
  }

  private void keep(ByteBuffer data) throws IOException {
    int length = data.remaining();
    bytes += length;
    if (limits.maxBytes() > 0 && bytes > limits.maxBytes()) {
      // a discarded body (an error page) just stops being read; a saved one fails the download
      throw channel == null
          ? new Enough()
          : FetchException.tooLong("body exceeds --max-size " + limits.maxBytes() + " bytes" + limits.sizeHint());
    }
    if (limits.maxDecoded() > 0 && bytes > limits.maxDecoded()) {
      throw FetchException.tooLong("decoded body over " + Sizes.human(limits.maxDecoded()) + " from "
          + Sizes.human(wireBytes) + " sent: decompression bomb? --max-decoded SIZE raises the limit");
    }
    // CRC-32 reads a direct buffer in place; the write below moves the buffer's position
    crc.update(data.duplicate());
    if (channel != null) {
      ByteBuffer b = data.duplicate();
      try {
        while (b.hasRemaining()) {
          channel.write(b);
        }
      } catch (IOException e) {
        throw new FetchException("cannot write " + file + ": " + e.getMessage(), false);
      }
    }
  }

  @Override
  public synchronized void onError(Throwable t) {
    fail(t);
  }

  @Override
  public synchronized void onComplete() {
    if (done) {
      return;
    }
    try {
      decoder.finish();
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      fail(e);
      return;
    }
    done = true;
    stopWatchdog();
    result.complete(new Body(file, bytes, crc.getValue()));
  }

  /** A discarded body (an error page) has been read far enough: keep the status, drop the rest. */
  private static final class Enough extends IOException {
    Enough() {
      super("discard limit reached");
    }
  }

  private void stopEarly() {
    done = true;
    stopWatchdog();
    result.complete(new Body(null, bytes, crc.getValue()));
    subscription.cancel();
  }

  private synchronized void fail(Throwable t) {
    if (done) {
      return;
    }
    done = true;
    stopWatchdog();
    // complete first: cancelling makes the client fail the exchange with its own, vaguer error
    result.completeExceptionally(t);
    if (subscription != null) {
      subscription.cancel();
    }
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // the temporary file is deleted by the caller anyway
    }
    decoder.close();
  }

  /**
   * Wakes up at the earliest moment a limit could be broken: the idle timeout after the last data,
   * the end of the current rate window, or the total deadline.
   */
  private void armWatchdog() {
    long idle = limits.idleNanos();
    boolean any = false;
    long next = 0;
    if (idle > 0) {
      next = lastActivity + idle;
      if (limits.minRate() > 0 && windowStart + idle - next < 0) {
        next = windowStart + idle;
      }
      any = true;
    }
    if (limits.deadlineNanos() != 0 && (!any || limits.deadlineNanos() - next < 0)) {
      next = limits.deadlineNanos();
      any = true;
    }
    if (any) {
      watchdog = timer.schedule(this::check, Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
  }

  private synchronized void check() {
    if (done) {
      return;
    }
    long now = System.nanoTime();
    long idle = limits.idleNanos();
    if (limits.deadlineNanos() != 0 && now - limits.deadlineNanos() >= 0) {
      fail(FetchException.silence("timed out: the download took longer than --max-time"));
      return;
    }
    if (idle > 0 && now - lastActivity >= idle) {
      fail(FetchException.silence("timed out: no data for " + TimeUnit.NANOSECONDS.toMillis(idle)
          + " ms while reading the body (--idle-timeout)"));
      return;
    }
    if (idle > 0 && limits.minRate() > 0 && now - windowStart >= idle) {
      double seconds = (now - windowStart) / 1e9;
      long got = wireBytes - windowWireBytes;
      if (got < limits.minRate() * seconds) {
        fail(FetchException.silence(String.format(java.util.Locale.US,
            "too slow: %d bytes in the last %.1f s, below --min-rate %d bytes/s", got, seconds, limits.minRate())));
        return;
      }
      windowStart = now;
      windowWireBytes = wireBytes;
    }
    armWatchdog();
  }

  private void stopWatchdog() {
    if (watchdog != null) {
      watchdog.cancel(false);
    }
  }
}
