package io.otelite.tooling.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class SuperTypeIndexTest {
  private final SuperTypeIndex index = new SuperTypeIndex();
  private final ClassLoader loader = SuperTypeIndexTest.class.getClassLoader();

  interface Marker {}

  interface ExtendsMarker extends Marker {}

  static class Direct implements Marker {}

  static class ThroughInterface implements Serializable, ExtendsMarker {}

  static class ThroughParent extends ThroughInterface {}

  static class Unrelated implements Callable<String> {
    @Override
    public String call() {
      return "";
    }
  }

  static class ListSubclass extends AbstractList<String> {
    @Override
    public String get(int i) {
      return null;
    }

    @Override
    public int size() {
      return 0;
    }
  }

  @Test
  void aClassImplementingTheTypeDirectlyMayMatch() {
    assertThat(mayHave(Direct.class, Marker.class)).isTrue();
  }

  @Test
  void aSuperTypeReachedThroughInterfacesAndParentsCounts() {
    assertThat(mayHave(ThroughInterface.class, Marker.class)).isTrue();
    assertThat(mayHave(ThroughParent.class, Marker.class)).isTrue();
  }

  @Test
  void theJdksTypesAreReadFromTheJdkWhateverTheClassLoaderShows() {
    ClassLoader showingNothing =
        new ClassLoader(null) {
          @Override
          public InputStream getResourceAsStream(String name) {
            return null;
          }
        };

    boolean mayMatch =
        index.mayHaveSuperType(
            showingNothing,
            ListSubclass.class.getName().replace('.', '/'),
            classFile(ListSubclass.class.getName().replace('.', '/')),
            Set.of(Marker.class.getName().replace('.', '/')));

    assertThat(mayMatch).isFalse();
  }

  @Test
  void aClassOutsideTheHierarchyIsNotACandidate() {
    assertThat(mayHave(Unrelated.class, Marker.class)).isFalse();
    assertThat(mayHave(ListSubclass.class, Marker.class)).isFalse();
  }

  @Test
  void superTypesInTheJdkAreReadFromTheBootstrapLoader() {
    assertThat(mayHave(ListSubclass.class, List.class)).isTrue();
    assertThat(mayHave(Unrelated.class, Callable.class)).isTrue();
  }

  @Test
  void anUnreadableHierarchyLeavesTheDecisionToTheExactMatcher() {
    byte[] notAClassFile = {1, 2, 3};
    assertThat(index.mayHaveSuperType(loader, "broken/Type", notAClassFile, Set.of("some/Type")))
        .isTrue();
  }

  private boolean mayHave(Class<?> type, Class<?> superType) {
    String internalName = type.getName().replace('.', '/');
    return index.mayHaveSuperType(
        loader,
        internalName,
        classFile(internalName),
        Set.of(superType.getName().replace('.', '/')));
  }

  private byte[] classFile(String internalName) {
    try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
