package example.spring;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Handlers with path variables, a form post that redirects, and one that fails. Outside {@code
 * io.otelite.*}, which the agent never instruments.
 */
@Controller
public class OwnersController {
  @GetMapping("/owners/{ownerId}")
  @ResponseBody
  public String owner(@PathVariable("ownerId") long ownerId) {
    return "owner " + ownerId;
  }

  @PostMapping("/owners/{ownerId}/edit")
  public String edit(@PathVariable("ownerId") long ownerId) {
    return "redirect:/owners/" + ownerId;
  }

  @GetMapping("/owners/{ownerId}/audit")
  @ResponseBody
  public String audit(@PathVariable("ownerId") long ownerId) {
    throw new IllegalStateException("audit of owner " + ownerId + " failed");
  }
}
