package io.otelite.testapp.jersey;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.atomic.AtomicInteger;

/** Booking a visit: a write whose resource and method both carry templates. */
@Path("/pets/{petId}/visits/")
public class VisitResource {
  private static final AtomicInteger NEXT_VISIT = new AtomicInteger(1);

  @POST
  public Response book(@PathParam("petId") int petId) {
    return Response.status(Response.Status.CREATED)
        .entity("visit " + NEXT_VISIT.getAndIncrement() + " for pet " + petId)
        .build();
  }
}
