package dev.crawl.core;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * One part of a fleet's work, by origin: shard {@code index} of {@code count} (1-based) owns the
 * URLs whose origin ({@link Origin}: {@code scheme://host:port}) has a CRC-32 that falls to it. By
 * origin, so that every URL of a server lands in one shard and its per-host cap, {@code --rate},
 * robots.txt and Crawl-delay hold across the fleet; CRC-32, so that any tool can tell where a URL
 * goes: {@code python3 -c 'import zlib,sys; print(zlib.crc32(sys.argv[1].encode()) % N + 1)'
 * http://example.org:80}.
 */
public record Shard(int index, int count) {
  /** The whole list: no sharding. */
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, got " + index + "/" + count);
    }
  }

  public boolean isAll() {
    return count == 1;
  }

  public boolean owns(URI url) {
    return count == 1 || of(url, count) == index;
  }

  /** The shard, 1 to {@code count}, that a URL's origin falls to. */
  public static int of(URI url, int count) {
    CRC32 crc = new CRC32();
    crc.update(Origin.of(url).getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % count) + 1;
  }

  /**
   * {@code K/N}, or {@code auto}: the index a batch engine gave this process, from a Kubernetes
   * Indexed Job ({@code JOB_COMPLETION_INDEX}, 0-based, with {@code JOB_COMPLETIONS} set to the
   * job's completions in its manifest) or a Slurm job array ({@code SLURM_ARRAY_TASK_ID} from
   * {@code SLURM_ARRAY_TASK_MIN}, {@code SLURM_ARRAY_TASK_COUNT}).
   *
   * @throws IllegalArgumentException with the line a user sees
   */
  public static Shard parse(String spec, Map<String, String> env) {
    if (spec.equals("auto")) {
      return fromEnvironment(env);
    }
    int slash = spec.indexOf('/');
    try {
      if (slash > 0) {
        return new Shard(Integer.parseInt(spec.substring(0, slash).strip()), Integer.parseInt(spec.substring(slash + 1).strip()));
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("write a shard as K/N (shard K of N, from 1), or auto; got '" + spec + "'");
  }

  private static Shard fromEnvironment(Map<String, String> env) {
    if (env.containsKey("JOB_COMPLETION_INDEX")) {
      int index = number(env, "JOB_COMPLETION_INDEX", "a Kubernetes Indexed Job");
      int count = number(env, "JOB_COMPLETIONS", "a Kubernetes Indexed Job (set it to the job's completions in the manifest)");
      return new Shard(index + 1, count);
    }
    if (env.containsKey("SLURM_ARRAY_TASK_ID")) {
      int id = number(env, "SLURM_ARRAY_TASK_ID", "a Slurm job array");
      int min = env.containsKey("SLURM_ARRAY_TASK_MIN") ? number(env, "SLURM_ARRAY_TASK_MIN", "a Slurm job array") : 0;
      int count = number(env, "SLURM_ARRAY_TASK_COUNT", "a Slurm job array");
      return new Shard(id - min + 1, count);
    }
    throw new IllegalArgumentException("--shard auto: no batch engine gave this process an index: neither a Kubernetes"
        + " Indexed Job (JOB_COMPLETION_INDEX, JOB_COMPLETIONS) nor a Slurm job array (SLURM_ARRAY_TASK_ID,"
        + " SLURM_ARRAY_TASK_COUNT) is set; give --shard K/N");
  }

  private static int number(Map<String, String> env, String name, String engine) {
    String v = env.get(name);
    try {
      return Integer.parseInt(v == null ? "" : v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--shard auto: " + name + " (" + engine + ") is "
          + (v == null ? "not set" : "'" + v + "', not a number"));
    }
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
