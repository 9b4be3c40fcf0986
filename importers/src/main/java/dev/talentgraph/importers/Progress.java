package dev.talentgraph.importers;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Progress of a long import: a bar with rows/s and ETA on a terminal, a plain line every few
 * seconds otherwise (logs, CI), nothing in tests.
 */
public interface Progress {
  void start(String task, long expected);

  /** Called often; implementations throttle. */
  void update(long done);

  void finish(long done);

  Progress NONE =
      new Progress() {
        @Override
        public void start(String task, long expected) {}

        @Override
        public void update(long done) {}

        @Override
        public void finish(long done) {}
      };

  /** A bar when {@code terminal}, periodic lines otherwise, on {@code out}. */
  static Progress console(PrintStream out, boolean terminal) {
    return new ConsoleProgress(out, terminal);
  }

  /** The usual choice for a command line: a bar when attached to a terminal. */
  static Progress auto(PrintStream out) {
    return console(out, System.console() != null && !"dumb".equals(System.getenv("TERM")));
  }

  final class ConsoleProgress implements Progress {
    private final PrintStream out;
    private final boolean terminal;
    private String task;
    private long expected;
    private long startNanos;
    private long lastNanos;

    ConsoleProgress(PrintStream out, boolean terminal) {
      this.out = out;
      this.terminal = terminal;
    }

    @Override
    public void start(String task, long expected) {
      this.task = task;
      this.expected = expected;
      this.startNanos = System.nanoTime();
      this.lastNanos = startNanos;
    }

    @Override
    public void update(long done) {
      long now = System.nanoTime();
      long interval = terminal ? 200_000_000L : 5_000_000_000L;
      if (now - lastNanos < interval) return;
      lastNanos = now;
      print(done, now, false);
    }

    @Override
    public void finish(long done) {
      print(done, System.nanoTime(), true);
      if (terminal) out.println();
    }

    private void print(long done, long now, boolean last) {
      double secs = Math.max(1e-9, (now - startNanos) / 1e9);
      long rate = Math.round(done / secs);
      String eta = "";
      if (expected > 0 && rate > 0 && done < expected) {
        eta = " ETA " + format(Duration.ofSeconds((expected - done) / Math.max(1, rate)));
      }
      if (terminal) {
        int width = 30;
        int filled = expected > 0 ? (int) Math.min(width, done * width / expected) : 0;
        String bar =
            expected > 0
                ? "["
                    + "=".repeat(filled)
                    + " ".repeat(width - filled)
                    + "] "
                    + (done * 100 / expected)
                    + "% "
                : "";
        out.print(
            "\r"
                + task
                + " "
                + bar
                + String.format("%,d rows, %,d rows/s", done, rate)
                + (last ? " in " + format(Duration.ofMillis((long) (secs * 1000))) : eta)
                + "   ");
      } else {
        out.println(
            task
                + ": "
                + String.format("%,d", done)
                + (expected > 0 ? String.format(" of %,d", expected) : "")
                + String.format(" rows, %,d rows/s", rate)
                + (last ? " (done)" : eta));
      }
      out.flush();
    }

    private static String format(Duration d) {
      long s = d.toSeconds();
      return s >= 3600
          ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
          : String.format("%d:%02d", s / 60, s % 60);
    }
  }
}
