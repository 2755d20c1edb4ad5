package io.otelite.benchmarks;

/**
 * Statements the sanitizer sees: the short ones applications run most, what ORMs generate, and long
 * generated statements (literals, comments, operators mixed as in real SQL) at growing lengths, to
 * show cost linear in length.
 */
public enum SqlCorpus {
  POINT_SELECT("SELECT * FROM orders WHERE id = 42"),
  PREPARED_SELECT(
      "SELECT id, customer, total FROM orders WHERE customer = ? AND status = ? ORDER BY id"),
  INSERT(
      "INSERT INTO orders (id, customer, total, created_at, note) "
          + "VALUES (1001, 'alice', 19.99, '2024-01-01 10:00:00', 'it''s a gift')"),
  UPDATE(
      "UPDATE orders SET status = 'SHIPPED', shipped_at = CURRENT_TIMESTAMP WHERE id = 1001 AND version = 7"),
  IN_LIST_100("SELECT id, total FROM orders WHERE id IN (" + numbers(100) + ")"),
  ORM_JOIN(
      "select o1_0.id,o1_0.created_at,o1_0.customer_id,c1_0.id,c1_0.country,c1_0.email,c1_0.name,o1_0.status,"
          + "o1_0.total,l1_0.order_id,l1_0.id,l1_0.product_id,l1_0.quantity,l1_0.unit_price from orders o1_0 "
          + "left join customers c1_0 on c1_0.id=o1_0.customer_id left join order_lines l1_0 on o1_0.id=l1_0.order_id "
          + "where o1_0.status='OPEN' and c1_0.country='DE' and o1_0.total>=100.0 and o1_0.created_at>"
          + "'2024-06-01T00:00:00' order by o1_0.created_at desc offset 0 rows fetch first 50 rows only"),
  GENERATED_1K(generated(1024)),
  GENERATED_4K(generated(4 * 1024)),
  GENERATED_16K(generated(16 * 1024)),
  GENERATED_30K(generated(30 * 1024));

  final String sql;

  SqlCorpus(String sql) {
    this.sql = sql;
  }

  private static String numbers(int count) {
    StringBuilder list = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      list.append(i == 1 ? "" : ", ").append(1000 + i);
    }
    return list.toString();
  }

  /** About {@code length} chars (below the sanitizer's 32 Ki cut, so that all of it is read). */
  private static String generated(int length) {
    StringBuilder sql =
        new StringBuilder("SELECT e.id, e.payload FROM events e WHERE e.tenant = 'acme'");
    for (int i = 0; sql.length() < length; i++) {
      sql.append(i % 3 == 0 ? "\n  -- filter " + i + "\n" : " ")
          .append("AND (e.attr_")
          .append(i)
          .append(" = 'value ")
          .append(i)
          .append("' OR e.score_")
          .append(i)
          .append(" > ")
          .append(i)
          .append(".5e-3 OR e.flag_")
          .append(i)
          .append(" IS TRUE)");
    }
    return sql.toString();
  }
}
