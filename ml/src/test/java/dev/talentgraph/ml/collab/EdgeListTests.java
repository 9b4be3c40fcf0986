package dev.talentgraph.ml.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeListTests {

  @TempDir Path dir;

  Path file(String text) throws IOException {
    Path f = dir.resolve("edges.txt");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void readsSnapFormatBothDirectionsOnceWithoutSelfLoops() throws IOException {
    EdgeList e = EdgeList.load(file("# comment\n1\t2\n2\t1\n2 3\n3\t3\n\n4\t1\n"));
    assertThat(e.nodeCount()).isEqualTo(4);
    assertThat(e.edgeCount()).isEqualTo(3);
    assertThat(e.selfLoopsDropped()).isEqualTo(1);
  }

  @Test
  void splitIsSeededAndHeldOutEdgesAreNotInTheGraph() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 100; i++) sb.append(i).append('\t').append((i * 7 + 1) % 100).append('\n');
    EdgeList e = EdgeList.load(file(sb.toString()));
    EdgeList.Split a = e.split(0.1, 5);
    EdgeList.Split b = e.split(0.1, 5);
    assertThat(a.positives()).containsExactly(b.positives());
    assertThat(a.positives()).hasSize((int) Math.round(0.1 * e.edgeCount()));
    assertThat(e.split(0.1, 6).positives()).isNotEqualTo(a.positives());
    CollabGraph g = a.graph();
    for (long k : a.positives())
      assertThat(g.hasEdge(CollabGraph.pairFirst(k), CollabGraph.pairSecond(k))).isFalse();
    assertThat(g.edgeCount() + a.positives().length).isEqualTo(e.edgeCount());
  }

  @Test
  void emptyOrMalformedFilesAreClearErrors() throws IOException {
    assertThatThrownBy(() -> EdgeList.load(file("# nothing\n\n")))
        .isInstanceOf(CollabDataException.class)
        .hasMessageContaining("holds no edges");
    assertThatThrownBy(() -> EdgeList.load(file("1\t2\n3\n")))
        .hasMessageContaining("edges.txt:2")
        .hasMessageContaining("expected two node ids");
    assertThatThrownBy(() -> EdgeList.load(dir.resolve("missing.txt")))
        .hasMessageContaining("not found");
    EdgeList e = EdgeList.load(file("1\t2\n"));
    assertThatThrownBy(() -> e.split(1.5, 1)).hasMessageContaining("test fraction");
  }
}
