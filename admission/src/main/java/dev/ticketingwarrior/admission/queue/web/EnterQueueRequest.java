package dev.ticketingwarrior.admission.queue.web;

/** {@code POST /api/v1/queue} body. The nickname is validated by the domain rule, not by annotations. */
record EnterQueueRequest(String nickname) {}
