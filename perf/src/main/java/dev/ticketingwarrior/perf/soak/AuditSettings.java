package dev.ticketingwarrior.perf.soak;

import dev.ticketingwarrior.perf.audit.AuditConfig;
import java.util.Map;

/**
 * What the auditor may read: the data servers named in the environment, with the run's round period. Without
 * {@code --target} they are the private stack {@code perf/soak} started, so one unreadable at the final audit fails
 * the run.
 */
final class AuditSettings {

    private AuditSettings() {}

    static AuditConfig fromEnvironment(SoakOptions options, Map<String, String> env) {
        AuditConfig config = AuditConfig.fromEnvironment(env);
        return new AuditConfig(config.redisUrl(), config.mysql(), config.sqs(), options.period(), options.local());
    }
}
