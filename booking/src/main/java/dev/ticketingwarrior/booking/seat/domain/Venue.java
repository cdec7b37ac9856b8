package dev.ticketingwarrior.booking.seat.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seats every round sells: {@code rows} rows lettered from A and {@code columns} seats per row. The first
 * {@code vipRows} rows are VIP, the next {@code rRows} R, the rest S (default 10 × 10: VIP A–B, R C–E, S F–J).
 */
public final class Venue {

    private final int rows;
    private final int columns;
    private final Map<String, Seat> seats;

    public Venue(int rows, int columns, int vipRows, int rRows) {
        if (rows < 1 || rows > 26 || columns < 1) {
            throw new IllegalArgumentException("a venue has 1..26 rows and at least one column");
        }
        this.rows = rows;
        this.columns = columns;
        Map<String, Seat> all = new LinkedHashMap<>();
        for (int r = 0; r < rows; r++) {
            String row = String.valueOf((char) ('A' + r));
            Grade grade = r < vipRows ? Grade.VIP : r < vipRows + rRows ? Grade.R : Grade.S;
            for (int n = 1; n <= columns; n++) {
                Seat seat = new Seat(row + "-" + n, row, n, grade);
                all.put(seat.id(), seat);
            }
        }
        this.seats = java.util.Collections.unmodifiableMap(all);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int size() {
        return seats.size();
    }

    /** Seats in map order: row by row, seat number ascending. */
    public List<Seat> seats() {
        return new ArrayList<>(seats.values());
    }

    public Optional<Seat> seat(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(seats.get(id));
    }
}
