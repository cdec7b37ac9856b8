package dev.ticketingwarrior.perf.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The round's rows in MySQL/MariaDB ({@code bookings}, {@code rejected_bookings} of booking's V1 migration), read
 * over one JDBC connection that is opened on first use and again after it broke (a restart or outage of the server).
 */
final class JdbcBookingLedger implements BookingLedger, AutoCloseable {

    private static final String CONFIRMED =
            "SELECT booking_id, seat_id, ticket_id, bot, booked_at, confirmed_at" + " FROM bookings WHERE round_id = ?";
    private static final String REJECTED = "SELECT booking_id, seat_id, ticket_id, bot, booked_at, rejected_at"
            + " FROM rejected_bookings WHERE round_id = ?";

    private final String url;
    private final Properties properties;
    private Connection connection;

    private JdbcBookingLedger(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    static JdbcBookingLedger create(AuditConfig.Mysql mysql) {
        Properties properties = new Properties();
        properties.setProperty("user", mysql.user());
        properties.setProperty("password", mysql.password());
        properties.setProperty("connectTimeout", "3000");
        properties.setProperty("socketTimeout", "30000");
        // booking writes DATETIMEs in UTC (and its session's CURRENT_TIMESTAMP is UTC): read them the same way
        properties.setProperty("connectionTimeZone", "UTC");
        return new JdbcBookingLedger(mysql.jdbcUrl(), properties);
    }

    @Override
    public synchronized Rows rows(String roundId) {
        try {
            Connection c = connection();
            return new Rows(query(c, CONFIRMED, roundId), query(c, REJECTED, roundId));
        } catch (SQLException | RuntimeException e) {
            closeQuietly();
            throw new SourceFailure("mysql", e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private Connection connection() throws SQLException {
        if (connection == null || !connection.isValid(2)) {
            closeQuietly();
            connection = DriverManager.getConnection(url, properties);
            connection.setReadOnly(true);
        }
        return connection;
    }

    private static List<Row> query(Connection c, String sql, String roundId) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, roundId);
            try (ResultSet rs = statement.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getBoolean(4),
                            rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6).toInstant()));
                }
                return rows;
            }
        }
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // a broken connection: nothing left to close
            }
            connection = null;
        }
    }
}
