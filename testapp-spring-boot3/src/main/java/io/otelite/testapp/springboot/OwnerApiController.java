package io.otelite.testapp.springboot;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API: reads, a validated write, and a controller that fails. */
@RestController
@RequestMapping("/api")
class OwnerApiController {
  private final OwnerRepository owners;
  private final OwnerService service;

  OwnerApiController(OwnerRepository owners, OwnerService service) {
    this.owners = owners;
    this.service = service;
  }

  record NewOwner(@NotBlank String name, @NotBlank String city) {}

  @GetMapping("/owners/{ownerId}")
  Map<String, Object> owner(@PathVariable long ownerId) {
    Owner owner = service.find(ownerId);
    return Map.of("id", owner.getId(), "name", owner.getName(), "city", owner.getCity());
  }

  @GetMapping("/owners")
  List<String> ownersIn(@RequestParam String city) {
    return owners.findByCityOrderByName(city).stream().map(Owner::getName).toList();
  }

  /** A blank name or city is Spring's 400 (MethodArgumentNotValidException). */
  @PostMapping("/owners")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> register(@Valid @RequestBody NewOwner request) {
    Owner owner = service.register(request.name(), request.city());
    return Map.of("id", owner.getId());
  }

  /**
   * The application's own failure: Spring wraps it, Tomcat dispatches to /error, the client gets a
   * 500.
   */
  @GetMapping("/owners/{ownerId}/audit")
  Map<String, Object> audit(@PathVariable long ownerId) {
    throw new IllegalStateException("audit of owner " + ownerId + " failed");
  }
}
