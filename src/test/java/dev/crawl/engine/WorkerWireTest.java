package dev.crawl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every message crosses the pipe whole. The messages are filled by reflection, every component of
 * every record with a value of its own, so a component added to a record and not to the wire fails
 * here rather than arriving as null in a worker.
 */
class WorkerWireTest {
  private int next = 1;

  @Test
  void theSetupArrivesWithEveryComponent() throws Exception {
    WorkerSetup sent = filled(WorkerSetup.class);

    WorkerSetup got = roundTrip(out -> WorkerWire.send(out, sent), WorkerWire::receiveSetup);

    assertEquals(sent, got);
  }

  @Test
  void aRequestArrivesWithEveryComponent() throws Exception {
    WorkerMessages.Request sent = filled(WorkerMessages.Request.class);

    assertEquals(sent, roundTrip(out -> WorkerWire.send(out, sent), WorkerWire::receiveRequest));
  }

  @Test
  void aReplyArrivesWithEveryComponent() throws Exception {
    WorkerMessages.Reply sent = filled(WorkerMessages.Reply.class);

    assertEquals(sent, roundTrip(out -> WorkerWire.send(out, sent), WorkerWire::receiveReply));
  }

  @Test
  void aReadyLineArrivesAsSent() throws Exception {
    WorkerMessages.Ready sent = new WorkerMessages.Ready(true, false);

    assertEquals(sent, roundTrip(out -> WorkerWire.send(out, sent), WorkerWire::receiveReady));
  }

  @Test
  void aReplyWithNothingOptionalArrivesWithItsNulls() throws Exception {
    WorkerMessages.Reply sent = new WorkerMessages.Reply(7, WorkerMessages.Outcome.FAILED,
        new WorkerMessages.Exchange(null, 0, 0, null, null, "HTTP 404", 1, -1, null, null), null, null);

    assertEquals(sent, roundTrip(out -> WorkerWire.send(out, sent), WorkerWire::receiveReply));
  }

  @Test
  void textLongerThanSixtyFourKilobytesArrivesWhole() throws Exception {
    String title = "t".repeat(100_000) + "ü";
    WorkerMessages.Reply sent = new WorkerMessages.Reply(7, WorkerMessages.Outcome.SAVED,
        new WorkerMessages.Exchange("http://x/", 200, 1, "x", "0", null, 1, 5, "http/1.1", null),
        new WorkerMessages.Page("text/html", title, List.of(), List.of(), null), List.of());

    assertEquals(title, roundTrip(out -> WorkerWire.send(out, sent), WorkerWire::receiveReply).page().title());
  }

  @Test
  void aStrayLineOnTheWorkersOutputIsCaughtNotReadAsAReply() {
    byte[] stray = "hello from a library\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThrows(StreamCorruptedException.class,
        () -> WorkerWire.receiveReply(new DataInputStream(new ByteArrayInputStream(stray))));
  }

  @Test
  void theEndOfTheParentsRequestsIsTheEndOfTheStream() {
    assertThrows(EOFException.class,
        () -> WorkerWire.receiveRequest(new DataInputStream(new ByteArrayInputStream(new byte[0]))));
  }

  @Test
  void theFillerGivesEveryComponentAValueOfItsOwn() throws Exception {
    // the round trips are only as good as this: fills that start one value apart differ in every
    // component, booleans included, so two components read back in each other's place show
    WorkerSetup a = filled(WorkerSetup.class);
    next += next % 2; // a started at 1: b starts at an even number
    WorkerSetup b = filled(WorkerSetup.class);

    for (RecordComponent c : WorkerSetup.class.getRecordComponents()) {
      assertNotEquals(c.getAccessor().invoke(a), c.getAccessor().invoke(b), c.getName());
    }
  }

  private interface Write {
    void to(DataOutputStream out) throws IOException;
  }

  private interface Read<T> {
    T from(DataInputStream in) throws IOException;
  }

  private static <T> T roundTrip(Write write, Read<T> read) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = WorkerWire.writer(bytes);
    write.to(out);
    DataInputStream in = WorkerWire.reader(new ByteArrayInputStream(bytes.toByteArray()));
    T got = read.from(in);
    assertEquals(-1, in.read(), "the message was read to its end and no further");
    return got;
  }

  /** A record with every component set, nested records and lists included, each value distinct. */
  private <T> T filled(Class<T> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = valueOf(components[i].getType(), components[i].getGenericType());
    }
    return type.getDeclaredConstructor(types).newInstance(values);
  }

  private Object valueOf(Class<?> type, Type generic) throws Exception {
    int n = next++;
    if (type == String.class) {
      return "v" + n;
    } else if (type == int.class) {
      return n;
    } else if (type == long.class) {
      return 1_000_000_000_000L + n;
    } else if (type == double.class) {
      return n + 0.5;
    } else if (type == boolean.class) {
      return n % 2 == 1;
    } else if (type == Duration.class) {
      return Duration.ofMillis(1000L * n + 7);
    } else if (type == List.class) {
      Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        list.add(valueOf((Class<?>) element, element));
      }
      return List.copyOf(list);
    } else if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[n % constants.length];
    } else if (type.isRecord()) {
      return filled(type);
    }
    throw new AssertionError("no value for a component of type " + type + ": add one to the filler, and to WorkerWire");
  }
}
