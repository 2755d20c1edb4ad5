package example.weaving.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import com.google.auto.service.AutoService;
import example.OneClassInstrumentation;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;

/** The weaver's own test module: one advice for each shape of method and each kind of parameter. */
@AutoService(InstrumentationModule.class)
public class WeavingTestModule extends InstrumentationModule {
  private static final String ADVICE = "example.weaving.instrumentation.";

  public WeavingTestModule() {
    super("weaving-test");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return List.of("example.weaving.Woven");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        new OneClassInstrumentation(
            "example.weaving.Woven",
            transformer -> {
              transformer.applyAdviceToMethod(named("sum"), ADVICE + "SumAdvice");
              transformer.applyAdviceToMethod(named("describe"), ADVICE + "DescribeAdvice");
              transformer.applyAdviceToMethod(named("fail"), ADVICE + "FailAdvice");
              transformer.applyAdviceToMethod(
                  namedOneOf("replace", "keep"), ADVICE + "ReplaceArgumentsAdvice");
              transformer.applyAdviceToMethod(isConstructor(), ADVICE + "ConstructorAdvice");
              transformer.applyAdviceToMethod(named("base"), ADVICE + "BaseAdvice");
              transformer.applyAdviceToMethod(named("maybeSkipped"), ADVICE + "SkipAdvice");
            }));
  }
}
