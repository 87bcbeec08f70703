package dev.crawl.engine;

import dev.crawl.archive.WarcOptions;
import dev.crawl.core.Validators;
import dev.crawl.crawl.Scope;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.fetch.KeptCopy;
import dev.crawl.fetch.TransportKind;
import dev.crawl.fetch.auth.Credentials;
import dev.crawl.fetch.cookie.CookieJar;
import dev.crawl.fetch.net.Proxies;
import dev.crawl.fetch.tls.TlsOptions;
import dev.crawl.store.Layout;
import dev.crawl.store.StoreOptions;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StreamCorruptedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of the worker protocol: each message field by field, in the order of its record.
 *
 * <p>Written out by hand because a worker is a fresh JVM that reads one settings record before its
 * first request: Jackson's deserializers cost it 0.25 s of CPU to build, Java serialization's record
 * constructors 0.12 s of method-handle spinning (which the start-up cache does not keep). This costs
 * nothing. {@code WorkerWireTest} fills every component of every message and reads it back, so a
 * component added to a record and forgotten here fails a test.
 */
final class WorkerWire {
  private WorkerWire() {}

  static DataOutputStream writer(OutputStream out) {
    return new DataOutputStream(new BufferedOutputStream(out, 16 * 1024));
  }

  static DataInputStream reader(InputStream in) {
    return new DataInputStream(new BufferedInputStream(in, 16 * 1024));
  }

  static void send(DataOutputStream out, WorkerSetup s) throws IOException {
    out.writeByte(SETUP);
    writeSetup(out, s);
    out.flush();
  }

  static void send(DataOutputStream out, WorkerMessages.Request r) throws IOException {
    out.writeByte(REQUEST);
    writeRequest(out, r);
    out.flush();
  }

  static void send(DataOutputStream out, WorkerMessages.Ready r) throws IOException {
    out.writeByte(READY);
    out.writeBoolean(r.ready());
    out.writeBoolean(r.sharing());
    out.flush();
  }

  static void send(DataOutputStream out, WorkerMessages.Reply r) throws IOException {
    out.writeByte(REPLY);
    writeReply(out, r);
    out.flush();
  }

  /** @throws java.io.EOFException when the parent ended before sending it */
  static WorkerSetup receiveSetup(DataInputStream in) throws IOException {
    expect(in, SETUP);
    return readSetup(in);
  }

  /** @throws java.io.EOFException at the end of the parent's requests */
  static WorkerMessages.Request receiveRequest(DataInputStream in) throws IOException {
    expect(in, REQUEST);
    return readRequest(in);
  }

  static WorkerMessages.Ready receiveReady(DataInputStream in) throws IOException {
    expect(in, READY);
    return new WorkerMessages.Ready(in.readBoolean(), in.readBoolean());
  }

  static WorkerMessages.Reply receiveReply(DataInputStream in) throws IOException {
    expect(in, REPLY);
    return readReply(in);
  }

  // the first byte of each message: a stream out of step (a stray print on a worker's stdout) is
  // caught at the next message rather than read as data
  private static final int SETUP = 'S';
  private static final int REQUEST = 'Q';
  private static final int READY = 'Y';
  private static final int REPLY = 'R';

  private static void expect(DataInputStream in, int tag) throws IOException {
    int got = in.readUnsignedByte();
    if (got != tag) {
      throw new StreamCorruptedException("expected message '" + (char) tag + "' on the worker pipe, got byte " + got);
    }
  }

  private static void writeSetup(DataOutputStream out, WorkerSetup s) throws IOException {
    writeSettings(out, s.fetch());
    writeString(out, s.outputDir());
    out.writeBoolean(s.links());
    out.writeBoolean(s.requisites());
    out.writeLong(s.maxParse());
    Scope.Rules r = s.scope();
    out.writeBoolean(r != null);
    if (r != null) {
      writeStrings(out, r.hosts());
      writeStrings(out, r.startDirectories());
      out.writeBoolean(r.noParent());
      writeStrings(out, r.include());
      writeStrings(out, r.exclude());
    }
    StoreOptions store = s.store();
    Layout layout = store.layout();
    out.writeUTF(layout.kind().name());
    out.writeBoolean(layout.hostDirectories());
    out.writeInt(layout.cutDirs());
    out.writeBoolean(store.keepPartial());
    out.writeLong(store.keepLimit());
  }

  private static WorkerSetup readSetup(DataInputStream in) throws IOException {
    FetchSettings fetch = readSettings(in);
    String outputDir = readString(in);
    boolean links = in.readBoolean();
    boolean requisites = in.readBoolean();
    long maxParse = in.readLong();
    Scope.Rules scope = in.readBoolean()
        ? new Scope.Rules(readStrings(in), readStrings(in), in.readBoolean(), readStrings(in), readStrings(in))
        : null;
    Layout layout = new Layout(Layout.Kind.valueOf(in.readUTF()), in.readBoolean(), in.readInt());
    StoreOptions store = new StoreOptions(layout, in.readBoolean(), in.readLong());
    return new WorkerSetup(fetch, outputDir, links, requisites, maxParse, scope, store);
  }

  private static void writeSettings(DataOutputStream out, FetchSettings s) throws IOException {
    writeDuration(out, s.connectTimeout());
    writeDuration(out, s.responseTimeout());
    writeDuration(out, s.idleTimeout());
    out.writeLong(s.minRate());
    writeDuration(out, s.totalTimeout());
    out.writeInt(s.retries());
    out.writeInt(s.timeoutRetries());
    writeDuration(out, s.retryDelay());
    writeDuration(out, s.maxRetryWait());
    out.writeInt(s.maxRedirects());
    out.writeLong(s.maxBytes());
    out.writeLong(s.maxDecoded());
    out.writeInt(s.maxUrlLength());
    out.writeInt(s.perHost());
    out.writeDouble(s.rate());
    writeString(out, s.userAgent());
    writeStrings(out, s.headers());
    out.writeBoolean(s.http11());
    writeString(out, s.caCertificate());
    out.writeBoolean(s.insecure());
    writeString(out, s.clientCertificate());
    writeString(out, s.clientKey());
    writeString(out, s.proxies().http());
    writeString(out, s.proxies().https());
    writeStrings(out, s.proxies().noProxy());
    writeString(out, s.transport().name());
    out.writeBoolean(s.credentials() != null);
    if (s.credentials() != null) {
      writeString(out, s.credentials().user());
      writeString(out, s.credentials().password());
    }
    writeString(out, s.netrcFile());
    out.writeBoolean(s.cookies());
    writeString(out, s.loadCookies());
    writeString(out, s.saveCookies());
    out.writeBoolean(s.continuePartials());
    out.writeBoolean(s.warc() != null);
    if (s.warc() != null) {
      writeString(out, s.warc().file());
      out.writeLong(s.warc().maxBytes());
      out.writeBoolean(s.warc().cdx());
    }
  }

  // each group read in the order writeSettings wrote it: Java evaluates arguments left to right
  private static FetchSettings readSettings(DataInputStream in) throws IOException {
    return new FetchSettings(
        new FetchSettings.Timeouts(readDuration(in), readDuration(in), readDuration(in), in.readLong(), readDuration(in)),
        new FetchSettings.RetryPolicy(in.readInt(), in.readInt(), readDuration(in), readDuration(in)),
        new FetchSettings.Limits(in.readInt(), in.readLong(), in.readLong(), in.readInt(), in.readInt(), in.readDouble()),
        new FetchSettings.RequestOptions(readString(in), readStrings(in), in.readBoolean()),
        new TlsOptions(readString(in), in.readBoolean(), readString(in), readString(in)),
        new FetchSettings.Network(new Proxies(readString(in), readString(in), readStrings(in)),
            TransportKind.valueOf(readString(in))),
        new FetchSettings.AuthOptions(in.readBoolean() ? new Credentials(readString(in), readString(in)) : null,
            readString(in)),
        new FetchSettings.CookieOptions(in.readBoolean(), readString(in), readString(in)),
        in.readBoolean(),
        in.readBoolean() ? new WarcOptions(readString(in), in.readLong(), in.readBoolean()) : null);
  }

  private static void writeRequest(DataOutputStream out, WorkerMessages.Request r) throws IOException {
    out.writeLong(r.id());
    writeString(out, r.url());
    writeString(out, r.origin());
    out.writeInt(r.depth());
    writeLearned(out, r.cookies());
    KeptCopy k = r.kept();
    out.writeBoolean(k != null);
    if (k != null) {
      writeString(out, k.path());
      out.writeLong(k.bytes());
      out.writeLong(k.modifiedMillis());
      writeString(out, k.crc32());
      writeString(out, k.contentType());
      writeValidators(out, k.validators());
    }
    writeString(out, r.name());
  }

  private static WorkerMessages.Request readRequest(DataInputStream in) throws IOException {
    return new WorkerMessages.Request(
        in.readLong(),
        readString(in),
        readString(in),
        in.readInt(),
        readLearned(in),
        in.readBoolean()
            ? new KeptCopy(readString(in), in.readLong(), in.readLong(), readString(in), readString(in), readValidators(in))
            : null,
        readString(in));
  }

  private static void writeReply(DataOutputStream out, WorkerMessages.Reply r) throws IOException {
    out.writeLong(r.id());
    out.writeByte(r.outcome().ordinal());
    WorkerMessages.Exchange e = r.exchange();
    writeString(out, e.finalUrl());
    out.writeInt(e.status());
    out.writeLong(e.bytes());
    writeString(out, e.path());
    writeString(out, e.crc32());
    writeString(out, e.reason());
    out.writeInt(e.attempts());
    out.writeLong(e.firstByte());
    writeString(out, e.protocol());
    writeValidators(out, e.validators());
    WorkerMessages.Page p = r.page();
    out.writeBoolean(p != null);
    if (p != null) {
      writeString(out, p.contentType());
      writeString(out, p.title());
      writeStrings(out, p.links());
      writeStrings(out, p.requisites());
      writeString(out, p.note());
    }
    writeLearned(out, r.cookies());
  }

  // each part read in the order writeReply wrote it: Java evaluates arguments left to right
  private static WorkerMessages.Reply readReply(DataInputStream in) throws IOException {
    return new WorkerMessages.Reply(
        in.readLong(),
        WorkerMessages.Outcome.values()[in.readUnsignedByte()],
        new WorkerMessages.Exchange(readString(in), in.readInt(), in.readLong(), readString(in), readString(in),
            readString(in), in.readInt(), in.readLong(), readString(in), readValidators(in)),
        in.readBoolean()
            ? new WorkerMessages.Page(readString(in), readString(in), readStrings(in), readStrings(in), readString(in))
            : null,
        readLearned(in));
  }

  private static void writeValidators(DataOutputStream out, Validators v) throws IOException {
    out.writeBoolean(v != null);
    if (v != null) {
      writeString(out, v.etag());
      writeString(out, v.lastModified());
    }
  }

  private static Validators readValidators(DataInputStream in) throws IOException {
    return in.readBoolean() ? new Validators(readString(in), readString(in)) : null;
  }

  private static void writeLearned(DataOutputStream out, List<CookieJar.Learned> learned) throws IOException {
    out.writeInt(learned == null ? -1 : learned.size());
    if (learned != null) {
      for (CookieJar.Learned l : learned) {
        writeString(out, l.url());
        writeStrings(out, l.setCookie());
      }
    }
  }

  private static List<CookieJar.Learned> readLearned(DataInputStream in) throws IOException {
    int n = readCount(in);
    if (n < 0) {
      return null;
    }
    List<CookieJar.Learned> learned = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      learned.add(new CookieJar.Learned(readString(in), readStrings(in)));
    }
    return learned;
  }

  private static void writeDuration(DataOutputStream out, Duration d) throws IOException {
    out.writeLong(d.getSeconds());
    out.writeInt(d.getNano());
  }

  private static Duration readDuration(DataInputStream in) throws IOException {
    return Duration.ofSeconds(in.readLong(), in.readInt());
  }

  /** Strings of any length, null kept: writeUTF alone stops at 64 KB, and a page's title or a cookie may not. */
  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = readCount(in);
    if (n < 0) {
      return null;
    }
    return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list == null ? -1 : list.size());
    if (list != null) {
      for (String s : list) {
        writeString(out, s);
      }
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int n = readCount(in);
    if (n < 0) {
      return null;
    }
    List<String> list = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      list.add(readString(in));
    }
    return list;
  }

  /** A count or length; -1 stands for null. Anything below is a stream out of step. */
  private static int readCount(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < -1) {
      throw new StreamCorruptedException("a negative length on the worker pipe: " + n);
    }
    return n;
  }
}
