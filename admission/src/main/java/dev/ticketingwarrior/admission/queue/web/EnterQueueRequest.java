package dev.ticketingwarrior.admission.queue.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/v1/queue} body. The nickname is validated by the domain rule, not by annotations. The ticket id is
 * the owner's proof when it enters its nickname again (a reload); a malformed one proves nothing, as an unknown one.
 */
record EnterQueueRequest(
        @Schema(description = "2-20 letters (Hangul included), digits, '_' or '-'", example = "티켓전사")
        String nickname,

        @Schema(
                description = "The ticket id this client was given for this nickname in this round, to resume"
                        + " it (e.g. after a reload). Without it, a nickname already entered this round is"
                        + " 409 nickname-taken.",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                example = "20261124T101500Z-1234-3f0c9a51d2e8b7c46a1f05de")
        String ticketId) {}
