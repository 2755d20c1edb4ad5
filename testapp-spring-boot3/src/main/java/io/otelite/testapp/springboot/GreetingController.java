package io.otelite.testapp.springboot;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GreetingController {
  private static final Logger log = LoggerFactory.getLogger(GreetingController.class);

  @GetMapping("/")
  Map<String, String> index() {
    return Map.of("service", "testapp-spring-boot3");
  }

  @GetMapping("/greetings/{name}")
  Map<String, String> greet(@PathVariable String name) {
    log.info("greeting {}", name);
    return Map.of("greeting", "hello " + name);
  }
}
