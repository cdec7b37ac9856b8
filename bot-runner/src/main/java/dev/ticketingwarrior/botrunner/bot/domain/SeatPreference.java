package dev.ticketingwarrior.botrunner.bot.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Which seat a bot wants: the best grade first, then the seat closest to the centre of its row, then the row closest
 * to the stage — plus random noise of up to {@code jitter} grade steps, so a crowd of bots spreads over the good seats
 * instead of all clicking the same one (and the odd bot settles for a grade lower, as people do).
 */
public final class SeatPreference {

    /** Known grades, best first; anything else ranks after them. */
    private static final List<String> GRADES = List.of("VIP", "R", "S", "A");

    private static final double CENTRE_WEIGHT = 0.6;
    private static final double FRONT_WEIGHT = 0.3;

    private final double jitter;

    public SeatPreference(double jitter) {
        if (!(jitter >= 0 && jitter <= 10)) {
            throw new IllegalArgumentException("jitter must be within [0, 10]: " + jitter);
        }
        this.jitter = jitter;
    }

    /** The available seats, most wanted first. With no jitter the order is fully deterministic. */
    public List<Seat> rank(SeatMap map, RandomGenerator random) {
        Map<String, Integer> rowOrder = rowOrder(map);
        int rowCount = Math.max(1, rowOrder.size());
        double centre = (map.columns() + 1) / 2.0;
        double halfWidth = Math.max(1.0, map.columns() / 2.0);
        record Scored(Seat seat, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (Seat seat : map.seats()) {
            if (!seat.available()) {
                continue;
            }
            double score = gradeRank(seat.grade())
                    + CENTRE_WEIGHT * Math.min(1.0, Math.abs(seat.number() - centre) / halfWidth)
                    + FRONT_WEIGHT * rowOrder.getOrDefault(seat.row(), rowCount) / rowCount
                    + (jitter == 0 ? 0 : jitter * random.nextDouble());
            scored.add(new Scored(seat, score));
        }
        scored.sort(Comparator.comparingDouble(Scored::score)
                .thenComparing(s -> s.seat().id()));
        return scored.stream().map(Scored::seat).toList();
    }

    /** The most wanted available seat, if any is left. */
    public Optional<Seat> pick(SeatMap map, RandomGenerator random) {
        List<Seat> ranked = rank(map, random);
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.getFirst());
    }

    static int gradeRank(String grade) {
        int index = grade == null ? -1 : GRADES.indexOf(grade);
        return index < 0 ? GRADES.size() : index;
    }

    /** Rows in the order the map lists them (front first: A, B, …). */
    private static Map<String, Integer> rowOrder(SeatMap map) {
        Map<String, Integer> order = new HashMap<>();
        for (Seat seat : map.seats()) {
            order.putIfAbsent(seat.row(), order.size());
        }
        return order;
    }
}
