package io.otelite.testapp.springboot;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Writes in one transaction each, as a service layer does: one COMMIT per call. The methods are
 * public because Spring 5 (testapp-spring-boot2 is built from these sources) applies
 * {@code @Transactional} to public methods only.
 */
@Service
class OwnerService {
  private final OwnerRepository owners;

  OwnerService(OwnerRepository owners) {
    this.owners = owners;
  }

  @Transactional
  public Owner register(String name, String city) {
    return owners.save(new Owner(name, city));
  }

  @Transactional
  public Owner rename(long ownerId, String newName) {
    Owner owner = find(ownerId);
    owner.rename(newName);
    return owner;
  }

  @Transactional(readOnly = true)
  public Owner find(long ownerId) {
    return owners
        .findById(ownerId)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no owner " + ownerId));
  }
}
