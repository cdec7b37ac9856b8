package dev.ticketingwarrior.botrunner.bot.domain;

import java.util.List;

/** A round's seat map at one instant. */
public record SeatMap(int rows, int columns, List<Seat> seats) {

    public SeatMap {
        seats = List.copyOf(seats);
    }
}
