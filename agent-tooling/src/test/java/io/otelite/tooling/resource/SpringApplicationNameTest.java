package io.otelite.tooling.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpringApplicationNameTest {

  private static String yaml(String text) throws IOException {
    return SpringApplicationName.fromYaml(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String properties(String text) throws IOException {
    return SpringApplicationName.fromProperties(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Test
  void readsTheNameFromNestedFlatAndMixedYamlKeys() throws IOException {
    assertThat(yaml("spring:\n  application:\n    name: orders\n")).isEqualTo("orders");
    assertThat(yaml("spring.application.name: orders\n")).isEqualTo("orders");
    assertThat(yaml("spring:\n  application.name: orders\n")).isEqualTo("orders");
    assertThat(yaml("spring.application:\n  name: \"orders\" # the service\n")).isEqualTo("orders");
    assertThat(yaml("spring:\n    application:\n        name: 'orders'\n")).isEqualTo("orders");
  }

  @Test
  void aNameUnderAnotherKeyIsNotTheApplicationsName() throws IOException {
    String text =
        "spring:\n"
            + "  datasource:\n"
            + "    name: owners-db\n"
            + "  jpa:\n"
            + "    open-in-view: false\n"
            + "  application:\n"
            + "    name: owners\n"
            + "server:\n"
            + "  name: ignored\n";

    assertThat(yaml(text)).isEqualTo("owners");
    assertThat(yaml("spring:\n  datasource:\n    name: owners-db\nname: top\n")).isNull();
  }

  @Test
  void readsEveryDocumentCommentsAndListsAside() throws IOException {
    String text =
        "# defaults\n"
            + "management:\n"
            + "  endpoints:\n"
            + "    - health\n"
            + "---\n"
            + "spring:\n"
            + "  # the name below\n"
            + "  application:\n"
            + "    name: billing#1\n";

    assertThat(yaml(text)).isEqualTo("billing#1");
  }

  @Test
  void aPlaceholderOnlySpringCanResolveIsNoName() throws IOException {
    assertThat(yaml("spring:\n  application:\n    name: ${APP_NAME:orders}\n")).isNull();
    assertThat(properties("spring.application.name=${APP_NAME}\n")).isNull();
    assertThat(properties("spring.application.name = orders \nserver.port=8080\n"))
        .isEqualTo("orders");
  }

  @Test
  void commandLineBeatsSystemPropertyBeatsEnvironmentBeatsThePackagedFiles() {
    Map<String, String> properties = Map.of("spring.application.name", "from-property");
    Map<String, String> environment = Map.of("SPRING_APPLICATION_NAME", "from-environment");

    assertThat(
            SpringApplicationName.find(
                "app.jar --server.port=0 --spring.application.name=from-argument",
                properties::get,
                environment::get,
                null))
        .isEqualTo("from-argument");
    assertThat(
            SpringApplicationName.find(
                "app.jar --server.port=0", properties::get, environment::get, null))
        .isEqualTo("from-property");
    assertThat(SpringApplicationName.find("app.jar", key -> null, environment::get, null))
        .isEqualTo("from-environment");
    assertThat(SpringApplicationName.find("app.jar", key -> null, key -> null, null)).isNull();
  }
}
