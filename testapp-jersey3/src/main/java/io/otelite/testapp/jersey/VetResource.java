package io.otelite.testapp.jersey;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The vets and their specialties, read-only. */
@Path("vets")
@Produces(MediaType.TEXT_PLAIN)
public class VetResource {
  private static final Map<Integer, List<String>> SPECIALTIES =
      Map.of(1, List.of("radiology"), 2, List.of("surgery", "dentistry"));

  @GET
  public String vets() {
    return "vets " + SPECIALTIES.keySet();
  }

  @GET
  @Path("{vetId: [0-9]+}")
  public String vet(@PathParam("vetId") int vetId) {
    return "vet " + vetId + " " + specialtiesOf(vetId);
  }

  @GET
  @Path("{vetId}/specialties/{specialty}")
  public String specialty(@PathParam("vetId") int vetId, @PathParam("specialty") String name) {
    if (!specialtiesOf(vetId).contains(name)) {
      throw new NotFoundException("vet " + vetId + " has no specialty " + name);
    }
    return name;
  }

  private static List<String> specialtiesOf(int vetId) {
    List<String> specialties = SPECIALTIES.get(vetId);
    if (specialties == null) {
      throw new NotFoundException("no vet " + vetId);
    }
    return specialties;
  }
}
