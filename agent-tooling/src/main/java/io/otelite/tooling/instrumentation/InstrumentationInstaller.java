package io.otelite.tooling.instrumentation;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.otelite.bootstrap.AdviceFailures;
import io.otelite.bootstrap.IndyBootstrap;
import io.otelite.instrumentation.api.AgentLog;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.tooling.indy.IndyAdviceLinker;
import io.otelite.tooling.startup.logmanager.LogManagerReadinessModule;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the enabled instrumentation modules. Advice is never inlined: instrumented code calls it
 * through {@code invokedynamic}, linked by {@link IndyBootstrap} to the advice class as loaded next
 * to the instrumented class (see ARCHITECTURE.md, "Class loading").
 */
public final class InstrumentationInstaller {
  private final Instrumentation instrumentation;
  private final ClassLoader agentLoader;
  private final boolean agentLoaderIsIsolated;

  private InstrumentationInstaller(
      Instrumentation instrumentation, ClassLoader agentLoader, boolean agentLoaderIsIsolated) {
    this.instrumentation = instrumentation;
    this.agentLoader = agentLoader;
    this.agentLoaderIsIsolated = agentLoaderIsIsolated;
  }

  /** For the packaged agent, whose classes live in their own, isolated class loader. */
  public static InstrumentationInstaller forAgentJar(
      Instrumentation instrumentation, ClassLoader agentLoader) {
    return new InstrumentationInstaller(instrumentation, agentLoader, true);
  }

  /**
   * For in-process tests, where agent, modules and the instrumented libraries share one class path:
   * the agent's loader must then not be excluded from instrumentation.
   */
  public static InstrumentationInstaller forSharedClassPath(
      Instrumentation instrumentation, ClassLoader classPathLoader) {
    return new InstrumentationInstaller(instrumentation, classPathLoader, false);
  }

  public ClassFileTransformer install(ConfigProperties config, boolean attached) {
    List<InstrumentationModule> modules =
        new ArrayList<>(ModuleSelection.enabledModules(agentLoader, config));
    // the agent's own, whatever the user switches
    modules.add(new LogManagerReadinessModule());
    IndyAdviceLinker linker = new IndyAdviceLinker(agentLoader);
    IndyBootstrap.setLinker(linker);
    AdviceFailures.setReporter(
        (where, error) ->
            AgentLog.warnOnce(
                where + '|' + error.getClass().getName(),
                "instrumentation failed in "
                    + where
                    + "; the application call continues unaffected",
                error));

    IgnoredTypes ignoredTypes = new IgnoredTypes(agentLoader, agentLoaderIsIsolated);
    CandidateFilter candidateFilter = new CandidateFilter(ignoredTypes);
    List<TypeWeaving> weavings = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      LibraryPresence presence = new LibraryPresence(module.libraryMarkerClassNames());
      for (TypeInstrumentation typeInstrumentation : module.typeInstrumentations()) {
        AdviceCollector advice = new AdviceCollector(agentLoader, linker, module.helperPackage());
        typeInstrumentation.transform(advice);
        TypeMatch match = new TypeMatch(typeInstrumentation, presence);
        candidateFilter.add(typeInstrumentation, match);
        weavings.add(new TypeWeaving(match, advice));
      }
      AgentLog.debug("module " + module.name() + " installed");
    }
    AdviceTransformer transformer = new AdviceTransformer(candidateFilter, ignoredTypes, weavings);
    instrumentation.addTransformer(transformer, true);
    LoadedClassRetransformation.retransform(instrumentation, transformer);
    return transformer;
  }
}
