package dev.ticketingwarrior.edge.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a log line shows of a request path: never a whole ticket id (it collects the ticket's token). */
class LoggedPathsTests {

    private static final String TICKET = "20261124T101500Z-1234-3f0c9a51d2e8b7c46a1f05de";

    @Test
    void masksTheSealOfATicketIdAndKeepsItsRoundAndNumber() {
        assertThat(LoggedPaths.of("/api/v1/queue/" + TICKET + "/events"))
                .isEqualTo("/api/v1/queue/20261124T101500Z-1234-…/events")
                .doesNotContain("3f0c9a51d2e8b7c46a1f05de");
        assertThat(LoggedPaths.of("/api/v1/queue/" + TICKET)).isEqualTo("/api/v1/queue/20261124T101500Z-1234-…");
    }

    @Test
    void leavesAPathWithoutATicketIdAsItIs() {
        assertThat(LoggedPaths.of("/api/v1/rounds/20261124T101500Z/seats"))
                .isEqualTo("/api/v1/rounds/20261124T101500Z/seats");
        assertThat(LoggedPaths.of(null)).isNull();
    }

    @Test
    void cutsALongPathAfterMaskingSoNoPartOfASealShows() {
        String path = "/" + "x".repeat(LoggedPaths.MAX_LENGTH - 20) + "/" + TICKET;
        assertThat(LoggedPaths.of(path))
                .hasSize(LoggedPaths.MAX_LENGTH + 1)
                .endsWith("…")
                .doesNotContain("3f0c9a");
    }

    /** The form a line that may only be counted takes: the same text, once the line is written. */
    @Test
    void aLazyPathShowsTheSameMaskedTextWhenTheLineIsWritten() {
        assertThat(LoggedPaths.lazily("/api/v1/queue/" + TICKET + "/events"))
                .hasToString("/api/v1/queue/20261124T101500Z-1234-…/events");
        assertThat(LoggedPaths.lazily(null)).hasToString("null");
    }
}
