package io.otelite.tooling.weaving;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.description.method.MethodDescription;

/** Which advice goes into which method of one class, in the order it was added. */
public final class WeavingPlan {
  private final Map<String, List<AdviceClass>> adviceByMethod = new HashMap<>();

  public void add(MethodDescription method, AdviceClass advice) {
    adviceByMethod
        .computeIfAbsent(
            method.getInternalName() + method.getDescriptor(), key -> new ArrayList<>(2))
        .add(advice);
  }

  public boolean isEmpty() {
    return adviceByMethod.isEmpty();
  }

  List<AdviceClass> adviceFor(String name, String descriptor) {
    return adviceByMethod.get(name + descriptor);
  }
}
