package example.servlet;

/**
 * The application's own exception, which its servlet wraps and the container has an error page for.
 */
public class OrderRejected extends RuntimeException {
  public OrderRejected(String message) {
    super(message);
  }
}
