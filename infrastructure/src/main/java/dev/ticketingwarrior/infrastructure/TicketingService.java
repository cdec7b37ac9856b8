package dev.ticketingwarrior.infrastructure;

/** The three container services, with the port each listens on (SPEC §2) and the names AWS resources use. */
enum TicketingService {
    ADMISSION("admission", 8081, "Admission"),
    BOOKING("booking", 8082, "Booking"),
    BOT_RUNNER("bot-runner", 8083, "BotRunner");

    private final String id;
    private final int port;
    private final String constructId;

    TicketingService(String id, int port, String constructId) {
        this.id = id;
        this.port = port;
        this.constructId = constructId;
    }

    /** Module directory, ECR repository suffix, ECS service and container name. */
    String id() {
        return id;
    }

    int port() {
        return port;
    }

    /** CloudFormation-friendly name for construct ids. */
    String constructId() {
        return constructId;
    }

    /** Task definition family: fixed, so the deploy workflow can find the current revision by name. */
    String taskFamily() {
        return Names.PREFIX + "-" + id;
    }

    String repositoryName() {
        return Names.PREFIX + "/" + id;
    }
}
