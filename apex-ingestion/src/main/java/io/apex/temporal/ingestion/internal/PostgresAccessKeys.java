package io.apex.temporal.ingestion.internal;

import io.apex.temporal.ingestion.AccessKey;
import io.apex.temporal.ingestion.AccessKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The API keys in the {@code api_keys} table: only each key's SHA-256 hash is kept. */
final class PostgresAccessKeys implements AccessKeys {
  private final Transactions tx;
  private final SecureRandom random = new SecureRandom();

  PostgresAccessKeys(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public CreatedKey create(String name, String scope) {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "the key's name must be 1-64 letters, digits, '.', '_' or '-', got '" + name + "'");
    }
    if (!AccessKey.READ.equals(scope) && !AccessKey.WRITE.equals(scope)) {
      throw new IllegalArgumentException("the scope must be read or write, got '" + scope + "'");
    }
    byte[] idBytes = new byte[4];
    byte[] secretBytes = new byte[32];
    random.nextBytes(idBytes);
    random.nextBytes(secretBytes);
    String keyId = HexFormat.of().formatHex(idBytes);
    String secret =
        "apex_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    return tx.inTransaction(
        c -> {
          try (var st =
              c.prepareStatement("SELECT 1 FROM api_keys WHERE name = ? AND revoked_at IS NULL")) {
            st.setString(1, name);
            if (st.executeQuery().next()) {
              throw new IllegalArgumentException("an active key is already named '" + name + "'");
            }
          }
          try (var st =
              c.prepareStatement(
                  "INSERT INTO api_keys (key_id, name, scope, key_sha256) VALUES (?, ?, ?, ?)"
                      + " RETURNING "
                      + COLUMNS)) {
            st.setString(1, keyId);
            st.setString(2, name);
            st.setString(3, scope);
            st.setString(4, sha256(secret));
            var rs = st.executeQuery();
            rs.next();
            return new CreatedKey(key(rs), secret);
          }
        });
  }

  @Override
  public boolean revoke(String nameOrId) {
    return tx.inTransaction(
        c -> {
          try (var st =
              c.prepareStatement(
                  "UPDATE api_keys SET revoked_at = now() WHERE revoked_at IS NULL"
                      + " AND (name = ? OR key_id = ?)")) {
            st.setString(1, nameOrId);
            st.setString(2, nameOrId);
            return st.executeUpdate() > 0;
          }
        });
  }

  @Override
  public List<AccessKey> list() {
    return tx.read(
        c -> {
          try (var st =
              c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at")) {
            var rs = st.executeQuery();
            var out = new ArrayList<AccessKey>();
            while (rs.next()) {
              out.add(key(rs));
            }
            return out;
          }
        });
  }

  @Override
  public boolean anyActive() {
    return tx.read(
        c -> {
          // Prepared, so that the driver plans it once per connection: it runs on every request.
          try (var st =
                  c.prepareStatement("SELECT 1 FROM api_keys WHERE revoked_at IS NULL LIMIT 1");
              var rs = st.executeQuery()) {
            return rs.next();
          }
        });
  }

  @Override
  public Optional<AccessKey> verify(String secret) {
    if (secret == null || secret.length() > 200) {
      return Optional.empty();
    }
    return tx.read(
        c -> {
          try (var st =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM api_keys WHERE key_sha256 = ? AND revoked_at IS NULL")) {
            st.setString(1, sha256(secret));
            var rs = st.executeQuery();
            return rs.next() ? Optional.of(key(rs)) : Optional.empty();
          }
        });
  }

  private static final String COLUMNS = "key_id, name, scope, created_at, revoked_at";

  private static AccessKey key(ResultSet rs) throws SQLException {
    var revoked = rs.getTimestamp(5);
    return new AccessKey(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getTimestamp(4).toInstant(),
        Optional.ofNullable(revoked).map(java.sql.Timestamp::toInstant));
  }

  private static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
