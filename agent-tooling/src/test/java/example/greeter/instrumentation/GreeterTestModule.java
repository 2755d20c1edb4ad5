package example.greeter.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;

import com.google.auto.service.AutoService;
import example.OneClassInstrumentation;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;

/** A module used only by agent-tooling's own tests (excluded from the test-jar). */
@AutoService(InstrumentationModule.class)
public class GreeterTestModule extends InstrumentationModule {
  public GreeterTestModule() {
    super("greeter-test");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return List.of("example.greeter.Greeter");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        new OneClassInstrumentation(
            "example.greeter.Greeter",
            transformer -> {
              transformer.applyAdviceToMethod(
                  named("greet"), "example.greeter.instrumentation.GreetAdvice");
              transformer.applyAdviceToMethod(
                  named("count"), "example.greeter.instrumentation.FailingAdvice");
            }));
  }
}
