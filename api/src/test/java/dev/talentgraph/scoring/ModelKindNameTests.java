package dev.talentgraph.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The GraphQL {@code ModelKind} enum names every kind the service trains, one to one, both ways.
 */
class ModelKindNameTests {

  @Test
  void everyTrainableKindHasOneEnumValueAndBack() {
    assertThat(Arrays.stream(ModelKindName.values()).map(ModelKindName::registryName))
        .containsExactlyInAnyOrderElementsOf(ModelService.kinds());
    for (String kind : ModelService.kinds()) {
      ModelKindName name = ModelKindName.ofRegistryName(kind).orElseThrow();
      assertThat(name.registryName()).isEqualTo(kind);
      assertThat(name.name()).isEqualTo(kind.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
    assertThat(ModelKindName.ofRegistryName("astrology")).isEmpty();
    assertThat(ModelKindName.registryNameOf(null)).isNull();
    assertThat(ModelKindName.registryNameOf(ModelKindName.COLLABORATOR_RANKER))
        .isEqualTo("collaborator-ranker");
  }
}
