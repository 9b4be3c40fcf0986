package dev.talentgraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Process plumbing shared by the benchmarks: start the product jar (or a peer) as a child process,
 * wait for it, read its CPU time from /proc, run the peer's Node.js load generators and read their
 * JSON.
 */
final class BenchSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private BenchSupport() {}

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The bench's work directory: {@code given}, or {@code bench-results/<kind>-<time>}; created,
   * absolute.
   */
  static Path workDir(Path given, String kind) throws IOException {
    Path dir =
        given != null
            ? given
            : Path.of(
                "bench-results",
                kind
                    + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    return Files.createDirectories(dir).toAbsolutePath();
  }

  /** A throw-away password for the bench's own server: {@code prefix} and 16 random hex digits. */
  static String secret(String prefix) {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return prefix + HexFormat.of().formatHex(b);
  }

  /**
   * The system property naming the product jar the servers under test start from (set by
   * bin/talentgraph).
   */
  static final String PRODUCT_JAR = "talentgraph.product.jar";

  /**
   * The java executable and the product jar: the benchmarks measure the jar users run, not this
   * one.
   */
  static List<String> javaJar() {
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    String jar = System.getProperty(PRODUCT_JAR);
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "no product jar in -D"
              + PRODUCT_JAR
              + " ("
              + jar
              + "): run the benchmark through bin/talentgraph bench ...");
    }
    // absolute: the children run in the bench's work directory, not where this process was started
    Path product = Path.of(jar).toAbsolutePath();
    // the class data sharing archive bin/talentgraph records beside the extracted product jar
    Path cds = product.resolveSibling("talentgraph.jsa");
    if (Files.isRegularFile(cds) && !"off".equals(System.getenv("TALENT_CDS"))) {
      return List.of(javaBin, "-XX:SharedArchiveFile=" + cds, "-jar", product.toString());
    }
    return List.of(javaBin, "-jar", product.toString());
  }

  /**
   * Starts {@code serve --demo} from the product jar (1-2 GB heap, ParallelGC) on {@code dir/store}
   * at these ports, with {@code env} and any {@code extraArgs}, and waits until its health answers.
   * A server that never becomes healthy is stopped before the error is thrown.
   */
  static Process startDemoServer(
      Path dir,
      int port,
      int boltPort,
      Map<String, String> env,
      List<String> extraArgs,
      Path log,
      Duration timeout)
      throws InterruptedException {
    List<String> cmd = new ArrayList<>(javaJar());
    cmd.addAll(1, List.of("-Xms1g", "-Xmx2g", "-XX:+UseParallelGC"));
    cmd.addAll(
        List.of(
            "serve",
            "--demo",
            "--data-dir",
            dir.resolve("store").toString(),
            "--port",
            Integer.toString(port),
            "--bolt-port",
            Integer.toString(boltPort)));
    cmd.addAll(extraArgs);
    Process server = start(cmd, env, log, dir);
    try {
      awaitHttp("http://127.0.0.1:" + port + "/actuator/health", server, log, timeout);
      return server;
    } catch (InterruptedException | RuntimeException e) {
      stop(server);
      throw e;
    }
  }

  static Process start(List<String> command, Map<String, String> env, Path log, Path workDir) {
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().putAll(env);
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  static void stop(Process p) {
    if (p == null || !p.isAlive()) return;
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }

  /**
   * Waits until GET url answers 200, the process dies (error with its log tail) or the time is up.
   */
  static void awaitHttp(String url, Process p, Path log, Duration timeout)
      throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!p.isAlive())
        throw new IllegalStateException(
            "process exited with " + p.exitValue() + ":\n" + tail(log, 40));
      try {
        var res =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (res.statusCode() == 200) return;
      } catch (IOException ignored) {
        // not up yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "not ready after " + timeout + ": " + url + "\n" + tail(log, 40));
  }

  /** Waits for a line in a log file. */
  static void awaitLog(Path log, String needle, Process p, Duration timeout)
      throws InterruptedException, IOException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (Files.exists(log) && Files.readString(log).contains(needle)) return;
      if (!p.isAlive())
        throw new IllegalStateException(
            "process exited with " + p.exitValue() + ":\n" + tail(log, 40));
      Thread.sleep(300);
    }
    throw new IllegalStateException(
        "'" + needle + "' not seen after " + timeout + "\n" + tail(log, 40));
  }

  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** utime + stime of a process and its descendants, in milliseconds (0 when gone). */
  static long cpuMillis(ProcessHandle process) {
    long ticks = 0;
    for (ProcessHandle h : Stream.concat(Stream.of(process), process.descendants()).toList()) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
      } catch (IOException | RuntimeException ignored) {
        // gone
      }
    }
    return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
  }

  /**
   * The JIT compiler's cumulative compile time of a JVM process in seconds ({@code jstat
   * -compiler}, from this JDK), or NaN when it cannot be read.
   */
  static double jitSeconds(ProcessHandle jvm) {
    try {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                  "-compiler",
                  Long.toString(jvm.pid()))
              .redirectErrorStream(true)
              .start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) return Double.NaN;
      return compileSeconds(out);
    } catch (IOException e) {
      return Double.NaN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Double.NaN;
    }
  }

  /** The {@code Time} column of {@code jstat -compiler} output, or NaN. */
  static double compileSeconds(String jstatOutput) {
    String[] lines = jstatOutput.strip().split("\\R");
    if (lines.length < 2) return Double.NaN;
    List<String> header = List.of(lines[0].trim().split("\\s+"));
    int column = header.indexOf("Time");
    String[] values = lines[lines.length - 1].trim().split("\\s+");
    if (column < 0 || column >= values.length) return Double.NaN;
    try {
      return Double.parseDouble(values[column]);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Runs a command to completion, output to a log; fails with the log tail on a non-zero exit. */
  static void run(
      List<String> command, Map<String, String> env, Path dir, Path log, Duration timeout)
      throws InterruptedException {
    Process p = start(command, env, log, dir);
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      stop(p);
      throw new IllegalStateException("timed out: " + command);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "failed (" + p.exitValue() + "): " + String.join(" ", command) + "\n" + tail(log, 30));
    }
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String writeJson(Object value) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a directory tree, skipping node_modules and results. */
  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path src : files.toList()) {
        Path rel = from.relativize(src);
        if (rel.startsWith("node_modules") || rel.startsWith("results")) continue;
        Path dst = to.resolve(rel.toString());
        if (Files.isDirectory(src)) {
          Files.createDirectories(dst);
        } else {
          Files.copy(src, dst, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          dst.toFile().setWritable(true);
        }
      }
    }
  }

  static List<String> list(String... items) {
    return new ArrayList<>(List.of(items));
  }
}
