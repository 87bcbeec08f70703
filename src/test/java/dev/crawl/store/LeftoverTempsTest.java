package dev.crawl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverTempsTest {
  @TempDir Path out;

  @Test
  void removesTheTemporaryFilesOfAKilledRunAndNothingElse() throws Exception {
    Store killed = new Store(out);
    Pending p = killed.begin(URI.create("http://127.0.0.1/a/file.bin"));
    Path left = p.newTemp().path(); // never committed nor aborted: the run was killed here
    Path saved = Files.writeString(out.resolve("127.0.0.1/a/other.bin"), "kept");
    Path report = Files.createDirectories(out.resolve(".crawl")).resolve(".x.0123abcd.part");
    Files.writeString(report, "not ours to judge");

    int removed = new Store(out).removeLeftoverTemps();

    assertEquals(1, removed);
    assertFalse(Files.exists(left));
    assertTrue(Files.exists(saved));
    assertTrue(Files.exists(report));
  }

  @Test
  void noUrlIsSavedUnderANameThatLooksTemporary() {
    String mapped = PathMapper.relativePath(URI.create("http://127.0.0.1/.file.bin.0123abcd.part"));
    String name = mapped.substring(mapped.lastIndexOf('/') + 1);

    assertFalse(Pending.isTempName(name), mapped);
    assertTrue(Pending.isTempName(".file.bin.0123abcd.part"));
  }
}
