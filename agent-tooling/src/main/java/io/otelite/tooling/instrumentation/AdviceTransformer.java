package io.otelite.tooling.instrumentation;

import io.otelite.tooling.weaving.AdviceWeaver;
import io.otelite.tooling.weaving.WeavingPlan;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * The agent's class file transformer: weaves the advice of every matching type instrumentation into
 * a class as it loads or is retransformed, and leaves every other class untouched.
 *
 * <p>Why not Byte Buddy's {@code AgentBuilder}: otelite uses one path of it (decorate a class with
 * advice, described from a type pool), yet installing it loaded some 400 more of Byte Buddy's
 * classes, most of them to generate, at start-up, a subclass of its transformer that can receive
 * Java 9's module argument (measured: about 150 ms of a Tomcat start-up), so as to give modules
 * read edges.
 *
 * <p>otelite needs none: a woven class of a named module (the JDK's {@code java.net.http}, say)
 * links its {@code invokedynamic} to {@code io.otelite.bootstrap.IndyBootstrap}, in the bootstrap
 * loader's unnamed module, and the JVM makes every transformed class's module read that module (the
 * {@code java.lang.instrument} package specification, "Instrumenting code in modules").
 */
final class AdviceTransformer implements ClassFileTransformer {
  /**
   * Classes loaded while this thread weaves (by the type pool's reads, say) are let through
   * unwoven: weaving them would re-enter the transformation of a class that is not yet defined.
   */
  private static final ThreadLocal<Boolean> WEAVING = new ThreadLocal<>();

  private final CandidateFilter candidateFilter;
  private final IgnoredTypes ignoredTypes;
  private final List<TypeWeaving> weavings;
  private final TransformationLog log = new TransformationLog();

  AdviceTransformer(
      CandidateFilter candidateFilter, IgnoredTypes ignoredTypes, List<TypeWeaving> weavings) {
    this.candidateFilter = candidateFilter;
    this.ignoredTypes = ignoredTypes;
    this.weavings = weavings;
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String internalName,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classFile) {
    if (internalName == null) {
      return null; // hidden or anonymous classes: no instrumentation names them
    }
    String typeName = internalName.replace('/', '.');
    if (classBeingRedefined == null
        ? !candidateFilter.mayTransform(loader, typeName, internalName, classFile)
        : ignoredTypes.ignores(typeName, loader)) {
      return null;
    }
    if (WEAVING.get() != null) {
      return null;
    }
    WEAVING.set(Boolean.TRUE);
    try {
      byte[] woven = weave(loader, typeName, classFile);
      if (woven != null) {
        log.transformed(typeName, loader);
      }
      return woven;
    } catch (Throwable failure) {
      log.failed(typeName, loader, failure);
      return null;
    } finally {
      WEAVING.remove();
    }
  }

  /** Whether a class already loaded would be woven, were it retransformed. */
  boolean wouldWeave(Class<?> type, TypePool typePool) {
    String typeName = type.getName();
    ClassLoader loader = type.getClassLoader();
    if (ignoredTypes.ignores(typeName, loader)) {
      return false;
    }
    TypeDescription description = null;
    try {
      for (TypeWeaving weaving : weavings) {
        if (weaving.match.mayMatch(typeName, loader)) {
          if (description == null) {
            description = typePool.describe(typeName).resolve();
          }
          if (weaving.match.typeMatches(description)) {
            return true;
          }
        }
      }
    } catch (RuntimeException | LinkageError failure) {
      log.failed(typeName, loader, failure);
    }
    return false;
  }

  private byte[] weave(ClassLoader loader, String typeName, byte[] classFile) {
    ClassFileLocator classFiles =
        new ClassFileLocator.Compound(
            ClassFileLocator.Simple.of(typeName, classFile),
            ClassFileLocator.ForClassLoader.of(loader));
    TypePool typePool = TypePools.lazy(classFiles);
    TypeDescription type = typePool.describe(typeName).resolve();
    WeavingPlan plan = null;
    for (TypeWeaving weaving : weavings) {
      if (weaving.match.matches(type, loader)) {
        if (plan == null) {
          plan = new WeavingPlan();
        }
        weaving.advice.plan(type, plan);
      }
    }
    if (plan == null || plan.isEmpty()) {
      return null;
    }
    return AdviceWeaver.weave(classFile, type, plan, typePool);
  }
}
