package io.otelite.tooling.instrumentation;

import io.otelite.instrumentation.api.TypeTransformer;
import io.otelite.tooling.indy.IndyAdviceLinker;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/** Collects one type instrumentation's advice registrations and weaves them into a class. */
final class AdviceCollector implements TypeTransformer {
  private final Advice.WithCustomMapping mapping;
  private final Advice.ExceptionHandler exceptionHandler;
  private final ClassFileLocator agentClassFiles;
  private final IndyAdviceLinker linker;
  private final String helperPackage;
  private final List<MethodAdvice> methodAdvice = new ArrayList<>();

  AdviceCollector(
      Advice.WithCustomMapping mapping,
      Advice.ExceptionHandler exceptionHandler,
      ClassFileLocator agentClassFiles,
      IndyAdviceLinker linker,
      String helperPackage) {
    this.mapping = mapping;
    this.exceptionHandler = exceptionHandler;
    this.agentClassFiles = agentClassFiles;
    this.linker = linker;
    this.helperPackage = helperPackage;
  }

  @Override
  public void applyAdviceToMethod(
      ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName) {
    linker.registerAdvice(adviceClassName, helperPackage);
    methodAdvice.add(new MethodAdvice(methodMatcher, adviceClassName));
  }

  /**
   * The advice class files are read from the agent's loader; the instrumented class's own loader is
   * consulted for the library types that advice signatures name.
   */
  DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, ClassLoader classLoader) {
    ClassFileLocator classFiles =
        new ClassFileLocator.Compound(
            agentClassFiles, ClassFileLocator.ForClassLoader.of(classLoader));
    TypePool adviceTypes = TypePools.lazy(classFiles);
    AsmVisitorWrapper.ForDeclaredMethods methods = new AsmVisitorWrapper.ForDeclaredMethods();
    for (MethodAdvice each : methodAdvice) {
      Advice advice =
          mapping
              .to(adviceTypes.describe(each.adviceClassName).resolve(), classFiles)
              .withExceptionHandler(exceptionHandler);
      methods = methods.invokable(each.methodMatcher, advice);
    }
    return builder.visit(methods);
  }

  private static final class MethodAdvice {
    final ElementMatcher<? super MethodDescription> methodMatcher;
    final String adviceClassName;

    MethodAdvice(ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName) {
      this.methodMatcher = methodMatcher;
      this.adviceClassName = adviceClassName;
    }
  }
}
