package io.otelite.testapp.springboot;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OwnerRepository extends JpaRepository<Owner, Long> {
  List<Owner> findByCityOrderByName(String city);
}
