package dev.ticketingwarrior.admission.queue.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/v1/queue} body. The nickname is validated by the domain rule, not by annotations. The ticket id and
 * the entry key are the owner's proofs when it enters its nickname again; a malformed ticket id proves nothing, as an
 * unknown one, while a malformed entry key is refused (the client would never resume with it).
 */
record EnterQueueRequest(
        @Schema(
                description = "2-20 letters (Hangul included), digits, '_' or '-', not mixing scripts as look-alikes"
                        + " do (Latin with Hangul or Han is fine)",
                example = "티켓전사")
        String nickname,

        @Schema(
                description = "The ticket id this client was given for this nickname in this round, to resume"
                        + " it (e.g. after a reload). Without it or a matching entryKey, a nickname already entered"
                        + " this round is 409 nickname-taken.",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                example = "20261124T101500Z-1234-3f0c9a51d2e8b7c46a1f05de")
        String ticketId,

        @Schema(
                description = "A secret this client picks for its entries, 22 to 64 of A-Z, a-z, 0-9, '_' or '-'"
                        + " (400 invalid-request otherwise). Entering the nickname again this round with the key it"
                        + " was entered with resumes that ticket (200): the client whose first answer was lost (a"
                        + " 503 after the ticket was made) is not told its own nickname is taken.",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                example = "q3Xv9c0yR2mJ5nV8aB1dE4fG7hK0lP3sT6uW9xZ2c5e")
        String entryKey) {

    /** Without the entry key, a secret. */
    @Override
    public String toString() {
        return "EnterQueueRequest[nickname=" + nickname + ", ticketId=" + ticketId + ", entryKey="
                + (entryKey == null ? "(none)" : "(hidden)") + "]";
    }
}
