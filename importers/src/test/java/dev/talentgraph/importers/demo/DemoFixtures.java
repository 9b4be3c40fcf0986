package dev.talentgraph.importers.demo;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Small demo graphs for tests, and copies of them with one list changed (to plant a fault). */
final class DemoFixtures {
  private DemoFixtures() {}

  /** The smallest demo the generator accepts; generated in well under a second. */
  static DemoData small() {
    return DemoGenerator.generate(DemoSettings.defaults().withExperts(DemoSettings.MIN_EXPERTS));
  }

  /**
   * A copy of {@code d} whose record component {@code name} (a list) is replaced by {@code change}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static DemoData with(DemoData d, String name, UnaryOperator<List> change) {
    try {
      RecordComponent[] components = DemoData.class.getRecordComponents();
      Object[] args = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        Object value = components[i].getAccessor().invoke(d);
        args[i] =
            components[i].getName().equals(name)
                ? change.apply(new ArrayList<>((List) value))
                : value;
      }
      return DemoData.class.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
