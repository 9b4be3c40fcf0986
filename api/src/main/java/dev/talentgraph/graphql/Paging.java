package dev.talentgraph.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Relay cursor paging over an ordered result: {@code first}/{@code after} become SKIP/LIMIT.
 *
 * <p>Cursors are opaque to clients (base64 of a version tag and an offset). Offsets rather than
 * keyset values because every connection may be ordered by any of several fields; pages are capped
 * (see {@link GraphQlSettings#maxPageSize()}) so SKIP stays cheap on the graphs this serves.
 */
@Component
public class Paging {
  private static final String TAG = "tg1:";
  private final int maxPageSize;
  private final int defaultPageSize;

  public Paging(GraphQlSettings settings) {
    this.maxPageSize = settings.maxPageSize();
    this.defaultPageSize = settings.defaultPageSize();
  }

  /**
   * A page to fetch: skip {@code offset} rows, return {@code size}, fetch one more to know if there
   * is a next page.
   */
  public record Window(int offset, int size) {
    public int fetch() {
      return size + 1;
    }
  }

  /** Validates {@code first} and {@code after}; errors name the argument. */
  public Window window(Integer first, String after) {
    int size = first == null ? defaultPageSize : first;
    if (size < 0 || size > maxPageSize) {
      throw new InvalidArgumentException(
          "first",
          "first must be between 0 and "
              + maxPageSize
              + " (was "
              + size
              + "); page through larger results with 'after'");
    }
    int offset = after == null ? 0 : decode(after) + 1;
    return new Window(offset, size);
  }

  public static String cursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((TAG + offset).getBytes(StandardCharsets.UTF_8));
  }

  static int decode(String cursor) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (s.startsWith(TAG)) {
        int offset = Integer.parseInt(s.substring(TAG.length()));
        if (offset >= 0) return offset;
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below (bad base64 or not a number)
    }
    throw new InvalidArgumentException(
        "after", "after is not a cursor issued by this API: '" + cursor + "'");
  }

  /** Builds the connection from the fetched rows ({@code window.fetch()} at most). */
  public static <T> Connection<T> connection(Window window, List<T> rows, Integer totalCount) {
    boolean hasNext = rows.size() > window.size();
    int n = Math.min(rows.size(), window.size());
    List<Edge<T>> edges = new ArrayList<>(n);
    for (int i = 0; i < n; i++) edges.add(new Edge<>(rows.get(i), cursor(window.offset() + i)));
    PageInfo info =
        new PageInfo(
            hasNext,
            window.offset() > 0,
            n == 0 ? null : edges.get(0).cursor(),
            n == 0 ? null : edges.get(n - 1).cursor());
    return new Connection<>(edges, info, totalCount);
  }

  public static <T, R> Connection<R> map(Connection<T> c, Function<T, R> f) {
    return new Connection<>(
        c.edges().stream().map(e -> new Edge<>(f.apply(e.node()), e.cursor())).toList(),
        c.pageInfo(),
        c.totalCount());
  }

  /**
   * {@code edges}, {@code pageInfo}, {@code totalCount} (null when the client did not ask for it).
   */
  /**
   * What a page statement takes from the selection: the nodes' projection, and whether {@code
   * totalCount} was asked for.
   */
  public record PagePlan(String projection, boolean total) {}

  public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Integer totalCount) {}

  public record Edge<T>(T node, String cursor) {}

  public record PageInfo(
      boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}
}
