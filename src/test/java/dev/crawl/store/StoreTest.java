package dev.crawl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on its own: where each layout puts a URL, what a commit leaves behind, and what is kept
 * of a cut body. The every-mode suites reach these through whole runs; here each rule is alone.
 */
class StoreTest {
  @TempDir Path root;

  private Store store(Layout layout) {
    return new Store(root, new StoreOptions(layout, true, StoreOptions.DEFAULT_KEEP_LIMIT));
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:8080" + path);
  }

  /** A download of {@code body} for {@code url} begun and written to its temporary file. */
  private record Written(Pending pending, Pending.Temp temp) {}

  private static Written write(Store store, URI url, String body) throws Exception {
    Pending p = store.begin(url);
    Pending.Temp t = p.newTemp();
    try (var channel = t.channel()) {
      channel.write(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
    }
    return new Written(p, t);
  }

  /** Saves {@code body} for {@code url} through the store's own steps: begin, write, commit. */
  private static String save(Store store, URI url, String body) throws Exception {
    Written w = write(store, url, body);
    w.pending().commit(w.temp().path());
    return w.pending().relativePath();
  }

  private List<String> everything() throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
    }
  }

  @Test
  void theTreeLayoutStartsWithTheHostAndPort() {
    assertEquals("127.0.0.1_8080/a/b/c.txt", store(Layout.TREE).pathFor(url("/a/b/c.txt")));
  }

  @Test
  void withoutHostDirectoriesAndWithCutDirsOnlyTheRestOfThePathRemains() {
    Store s = store(new Layout(Layout.Kind.TREE, false, 2));

    assertEquals("c/d.txt", s.pathFor(url("/a/b/c/d.txt")));
    assertEquals("d.txt", s.pathFor(url("/a/d.txt")), "more directories cut than there are: the name stays");
  }

  @Test
  void aFlatNameIsTheFirstUrlsAndAnotherUrlGetsItsOwnAliasEveryTime() {
    Store s = store(new Layout(Layout.Kind.FLAT, true, 0));

    assertEquals("x.txt", s.pathFor(url("/a/x.txt")));
    String alias = s.pathFor(url("/b/x.txt"));
    assertTrue(alias.matches("x@[0-9a-f]{8}\\.txt"), alias);
    assertEquals(alias, s.pathFor(url("/b/x.txt")), "the same URL, the same name");
    assertEquals(alias, store(new Layout(Layout.Kind.FLAT, true, 0)).flatAliasOf(url("/b/x.txt")), "and in another run");
  }

  @Test
  void aNameAdoptedFromAnEarlierRunIsKeptByItsUrlAndNoOtherTakesIt() {
    Store s = store(new Layout(Layout.Kind.FLAT, true, 0));
    String alias = s.flatAliasOf(url("/b/x.txt"));

    assertTrue(s.savesAt(url("/b/x.txt"), alias));
    assertEquals(alias, s.pathFor(url("/b/x.txt")));
    assertEquals("x.txt", s.pathFor(url("/a/x.txt")), "the plain name is still free for the other URL");
  }

  @Test
  void theHashLayoutNamesTheFileByItsBodyAndStoresEqualBodiesOnce() throws Exception {
    Store s = store(new Layout(Layout.Kind.HASH, true, 0));

    String first = save(s, url("/one.gif"), "same");
    String second = save(s, url("/two.gif"), "same");

    assertEquals(first, second);
    assertTrue(first.matches("[0-9a-f]{64}\\.gif"), first);
    assertEquals(List.of(first), everything());
    assertTrue(s.savesAt(url("/elsewhere.gif"), first), "a content name is where any URL's file may be");
  }

  @Test
  void aCommitLeavesOnlyTheFileNotWhatAnEarlierCutKept() throws Exception {
    Store s = store(Layout.TREE);
    Path target = root.resolve(s.pathFor(url("/big.bin")));
    Files.createDirectories(target.getParent());
    Files.writeString(Partials.dataFor(target), "half");
    Files.writeString(Partials.metaFor(target), "{}");

    save(s, url("/big.bin"), "whole");

    assertEquals(List.of("127.0.0.1_8080/big.bin"), everything());
  }

  @Test
  void aCutBodyWithinTheLimitIsKeptAndOnePastItIsDropped() throws Exception {
    Store s = new Store(root, new StoreOptions(Layout.TREE, true, 10));

    assertEquals(6, cut(s, "/a.bin", "123456"));
    assertEquals(-1, cut(s, "/b.bin", "123456"), "6 + 6 bytes is past the limit of 10");
    assertTrue(Files.exists(root.resolve("127.0.0.1_8080/.a.bin.partial")));
    assertFalse(Files.exists(root.resolve("127.0.0.1_8080/.b.bin.partial")));
  }

  @Test
  void noKeepPartialKeepsNothingAndSaysHowMuchWasDropped() throws Exception {
    Store s = new Store(root, new StoreOptions(Layout.TREE, false, 0));
    Pending p = cutPending(s, "/a.bin", "123456");

    assertEquals(-1, p.keptBytes());
    assertEquals(6, p.droppedBytes());
    assertEquals(List.of(), everything());
  }

  /** A download of {@code body} that -C could continue, cut: returns the bytes kept, or -1. */
  private static long cut(Store s, String path, String body) throws Exception {
    return cutPending(s, path, body).keptBytes();
  }

  private static Pending cutPending(Store s, String path, String body) throws Exception {
    Written w = write(s, url(path), body);
    w.pending().keepIfCut(w.temp().path(), new Partials.Meta(url(path).toString(), "\"e\"", null, 100));
    w.pending().abort();
    return w.pending();
  }
}
