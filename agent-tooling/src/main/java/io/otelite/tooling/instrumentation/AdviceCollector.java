package io.otelite.tooling.instrumentation;

import io.otelite.instrumentation.api.TypeTransformer;
import io.otelite.tooling.indy.IndyAdviceLinker;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Turns one type instrumentation's advice registrations into a Byte Buddy transformer. */
final class AdviceCollector implements TypeTransformer {
  private final IndyAdviceLinker linker;
  private final String helperPackage;
  private AgentBuilder.Transformer.ForAdvice transformer;

  AdviceCollector(
      Advice.WithCustomMapping mapping,
      ClassLoader agentLoader,
      IndyAdviceLinker linker,
      String helperPackage) {
    this.linker = linker;
    this.helperPackage = helperPackage;
    // The advice class files are read from the agent's loader; the instrumented class's own loader
    // is
    // consulted by Byte Buddy for the library types that advice signatures name.
    this.transformer =
        new AgentBuilder.Transformer.ForAdvice(mapping)
            .include(agentLoader)
            .withExceptionHandler(InstrumentationInstaller.reportingExceptionHandler());
  }

  @Override
  public void applyAdviceToMethod(
      ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName) {
    linker.registerAdvice(adviceClassName, helperPackage);
    transformer = transformer.advice(methodMatcher, adviceClassName);
  }

  AgentBuilder.Transformer transformer() {
    AgentBuilder.Transformer advice = transformer;
    return (builder, type, classLoader, module, protectionDomain) -> {
      ClassFileVersion version = type.getClassFileVersion();
      if (version != null && version.isLessThan(ClassFileVersion.JAVA_V7)) {
        builder = builder.visit(ClassFileUpgrade.INSTANCE);
      }
      return advice.transform(builder, type, classLoader, module, protectionDomain);
    };
  }
}
