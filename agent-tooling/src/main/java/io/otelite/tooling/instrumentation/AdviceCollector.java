package io.otelite.tooling.instrumentation;

import io.otelite.instrumentation.api.TypeTransformer;
import io.otelite.tooling.extension.AgentClassFiles;
import io.otelite.tooling.indy.IndyAdviceLinker;
import io.otelite.tooling.weaving.AdviceClass;
import io.otelite.tooling.weaving.WeavingPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Collects one type instrumentation's advice registrations and plans them into a class. */
final class AdviceCollector implements TypeTransformer {
  private final ClassLoader agentLoader;
  private final IndyAdviceLinker linker;
  private final String helperPackage;
  private final List<MethodAdvice> methodAdvice = new ArrayList<>();

  AdviceCollector(ClassLoader agentLoader, IndyAdviceLinker linker, String helperPackage) {
    this.agentLoader = agentLoader;
    this.linker = linker;
    this.helperPackage = helperPackage;
  }

  @Override
  public void applyAdviceToMethod(
      ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName) {
    linker.registerAdvice(adviceClassName, helperPackage);
    methodAdvice.add(new MethodAdvice(methodMatcher, adviceClassName));
  }

  /** Adds to the plan the advice of every method of {@code type} a matcher selects. */
  void plan(TypeDescription type, WeavingPlan plan) {
    for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
      if (method.isTypeInitializer()) {
        continue;
      }
      for (MethodAdvice each : methodAdvice) {
        if (each.methodMatcher.matches(method)) {
          plan.add(method, each.adviceClass());
        }
      }
    }
  }

  private final class MethodAdvice {
    final ElementMatcher<? super MethodDescription> methodMatcher;
    final String adviceClassName;

    /** Read from the agent's class file when first woven; a race reads it twice, harmlessly. */
    private volatile AdviceClass adviceClass;

    MethodAdvice(ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName) {
      this.methodMatcher = methodMatcher;
      this.adviceClassName = adviceClassName;
    }

    AdviceClass adviceClass() {
      AdviceClass read = adviceClass;
      if (read == null) {
        byte[] classFile;
        try {
          classFile = AgentClassFiles.read(agentLoader, adviceClassName.replace('.', '/'));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read advice " + adviceClassName, e);
        }
        if (classFile == null) {
          throw new IllegalStateException("no class file for advice " + adviceClassName);
        }
        read = AdviceClass.read(adviceClassName, classFile);
        adviceClass = read;
      }
      return read;
    }
  }
}
