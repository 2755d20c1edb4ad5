package example.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * Owners and their pets: templates on the class and on the methods, one with a regex, one failing.
 */
@Path("/owners")
public class OwnerResource {
  @GET
  public String owners() {
    return "owners";
  }

  @GET
  @Path("{ownerId}")
  public String owner(@PathParam("ownerId") long ownerId) {
    return "owner " + ownerId;
  }

  @GET
  @Path("/{ownerId}/pets/{petId: [0-9]+}/")
  public String pet(@PathParam("ownerId") long ownerId, @PathParam("petId") long petId) {
    return "pet " + petId;
  }

  @POST
  @Path("{ownerId}/visits")
  public Response visit(@PathParam("ownerId") long ownerId) {
    return Response.status(201).build();
  }

  @GET
  @Path("{ownerId}/audit")
  public String audit(@PathParam("ownerId") long ownerId) {
    throw new IllegalStateException("audit of owner " + ownerId + " failed");
  }
}
