package io.otelite.tooling.instrumentation;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.TypeValidation;

/** Creates Byte Buddy's agent builder without the part of its set-up that otelite never uses. */
final class AgentBuilders {
  /**
   * Byte Buddy's documented switch for its {@code Nexus}, read once, when the nexus accessor
   * initializes.
   */
  private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

  private AgentBuilders() {}

  /**
   * Why the switch: {@code new AgentBuilder.Default()} creates the self-injection initialization
   * strategy, whose nexus accessor injects a {@code net.bytebuddy.dynamic.Nexus} class into the
   * system class loader and initializes Byte Buddy's class injectors on the way (about a fifth of
   * the agent's start-up CPU, measured with async-profiler). otelite never needs it: advice is not
   * inlined and no generated type needs an initializer, so the no-op strategy replaces it at once.
   * The property is set only while our copy of Byte Buddy initializes, and put back, so an
   * application's own Byte Buddy is not affected.
   */
  static AgentBuilder.Default withoutNexus() {
    String previous = System.getProperty(NEXUS_DISABLED);
    System.setProperty(NEXUS_DISABLED, "true");
    try {
      return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED));
    } finally {
      if (previous == null) {
        System.clearProperty(NEXUS_DISABLED);
      } else {
        System.setProperty(NEXUS_DISABLED, previous);
      }
    }
  }
}
