package io.otelite.testapp.springboot;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Server-rendered pages (Thymeleaf), with path variables and a form post that redirects. */
@Controller
class OwnerPagesController {
  private final OwnerRepository owners;
  private final OwnerService service;

  OwnerPagesController(OwnerRepository owners, OwnerService service) {
    this.owners = owners;
    this.service = service;
  }

  @GetMapping("/owners")
  String list(Model model) {
    model.addAttribute("owners", owners.findAll());
    return "owners";
  }

  @GetMapping("/owners/{ownerId}")
  String show(@PathVariable long ownerId, Model model) {
    model.addAttribute("owner", service.find(ownerId));
    return "owner";
  }

  @PostMapping("/owners/{ownerId}/edit")
  String edit(@PathVariable long ownerId, @RequestParam String name) {
    service.rename(ownerId, name);
    return "redirect:/owners/" + ownerId;
  }
}
