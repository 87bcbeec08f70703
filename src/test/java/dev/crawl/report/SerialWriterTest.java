package dev.crawl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerialWriterTest {
  @Test
  void aJobThatFailsIsReportedOnceAsItselfAndTheJobsAfterItStillRun() {
    List<String> done = new ArrayList<>();
    IllegalStateException broken = new IllegalStateException("a record that cannot be written");
    SerialWriter writer = new SerialWriter("test-writer", () -> {});
    writer.submit(() -> done.add("before"));
    writer.submit(() -> {
      throw broken;
    });
    writer.submit(() -> done.add("after"));

    assertSame(broken, assertThrows(IllegalStateException.class, writer::drain));
    writer.close(); // drains again: the failure was told, and is not thrown a second time
    assertEquals(List.of("before", "after"), done);
  }
}
