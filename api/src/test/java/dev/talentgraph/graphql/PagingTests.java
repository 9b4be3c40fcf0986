package dev.talentgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTests {
  private final Paging paging = new Paging(new GraphQlSettings(100, 20, false));

  @Test
  void aCursorLeadsToTheRowAfterIt() {
    Paging.Window first = paging.window(3, null);
    assertThat(first).isEqualTo(new Paging.Window(0, 3));
    var page = Paging.connection(first, List.of("a", "b", "c", "d"), 10);
    assertThat(page.edges()).extracting(Paging.Edge::node).containsExactly("a", "b", "c");
    assertThat(page.pageInfo().hasNextPage()).isTrue();
    assertThat(page.pageInfo().hasPreviousPage()).isFalse();
    Paging.Window next = paging.window(3, page.pageInfo().endCursor());
    assertThat(next).isEqualTo(new Paging.Window(3, 3));
    var last = Paging.connection(next, List.of("d"), 10);
    assertThat(last.pageInfo().hasNextPage()).isFalse();
    assertThat(last.pageInfo().hasPreviousPage()).isTrue();
  }

  @Test
  void defaultsAndCap() {
    assertThat(paging.window(null, null).size()).isEqualTo(20);
    assertThat(paging.window(100, null).size()).isEqualTo(100);
    assertThatThrownBy(() -> paging.window(101, null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("first must be between 0 and 100 (was 101)")
        .extracting(e -> ((InvalidArgumentException) e).argument())
        .isEqualTo("first");
  }

  @Test
  void foreignCursorsAreRefusedNamingAfter() {
    for (String bad : List.of("xyz", "", "dGcxOi01", "MTI=")) { // junk, empty, "tg1:-5", "12"
      assertThatThrownBy(() -> paging.window(5, bad))
          .as(bad)
          .isInstanceOf(InvalidArgumentException.class)
          .extracting(e -> ((InvalidArgumentException) e).argument())
          .isEqualTo("after");
    }
  }
}
