package io.otelite.testapp.springboot;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Owner {
  @Id @GeneratedValue private Long id;
  private String name;
  private String city;

  protected Owner() {}

  Owner(String name, String city) {
    this.name = name;
    this.city = city;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getCity() {
    return city;
  }

  void rename(String newName) {
    this.name = newName;
  }
}
