package io.hostk8s.voting.worker;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The Postgres side: the {@code votes(id, vote)} table of the original worker, written with an upsert. */
final class VoteStore implements AutoCloseable {
  static final String CREATE_TABLE =
      "CREATE TABLE IF NOT EXISTS votes (id VARCHAR(255) NOT NULL UNIQUE, vote VARCHAR(255) NOT NULL)";
  static final String UPSERT =
      "INSERT INTO votes (id, vote) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET vote = EXCLUDED.vote";

  private final Connection connection;
  private final PreparedStatement upsert;

  private VoteStore(Connection connection) throws SQLException {
    this.connection = connection;
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE_TABLE);
    }
    this.upsert = connection.prepareStatement(UPSERT);
  }

  /** Connects (auto-commit) and creates the table if it is missing. */
  static VoteStore open(WorkerConfig config) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", config.postgresUser());
    props.setProperty("password", config.postgresPassword());
    props.setProperty("connectTimeout", "5");
    props.setProperty("socketTimeout", "30");
    props.setProperty("tcpKeepAlive", "true");
    props.setProperty("ApplicationName", "hostk8s-worker");
    Connection connection = DriverManager.getConnection(config.jdbcUrl(), props);
    try {
      return new VoteStore(connection);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Inserts the vote or replaces the voter's earlier one; replaying the same vote changes nothing. */
  void upsert(Vote vote) throws SQLException {
    upsert.setString(1, vote.voterId());
    upsert.setString(2, vote.vote());
    upsert.executeUpdate();
  }

  /**
   * True when Postgres rejected the data itself (SQLSTATE class 22 "data exception" or 23 "integrity
   * constraint violation"), so retrying the same item can never succeed.
   */
  static boolean isDataError(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("22") || state.startsWith("23"));
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException | RuntimeException ignored) {
      // the connection is being dropped anyway
    }
  }
}
