package io.otelite.tooling.extension;

import io.otelite.tooling.OpenTelemetryRelocation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;

/**
 * Rewrites an extension's class file so that its references to {@code io.opentelemetry.*} name the
 * agent's relocated classes: types in signatures, descriptors, constants and annotations, as the
 * shade step does for the agent's own code. Class names in plain strings stay as written.
 */
final class ExtensionRemapping {
  private static final Remapper TO_AGENT_NAMES =
      new Remapper() {
        @Override
        public String map(String internalName) {
          return OpenTelemetryRelocation.relocatedInternalName(internalName);
        }
      };

  private ExtensionRemapping() {}

  static byte[] remap(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    // no frame recomputation: renaming types changes no stack map, so frames are copied as they are
    ClassWriter writer = new ClassWriter(0);
    reader.accept(new ClassRemapper(writer, TO_AGENT_NAMES), 0);
    return writer.toByteArray();
  }
}
