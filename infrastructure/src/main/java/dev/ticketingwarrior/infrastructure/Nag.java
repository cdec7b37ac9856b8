package dev.ticketingwarrior.infrastructure;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/** cdk-nag findings we accept, each with the reason, recorded on the resource they concern. */
final class Nag {

    private Nag() {}

    static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(
                construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()),
                true);
    }

    /** For granular rules such as IAM5: only the listed findings, e.g. {@code Resource::*}. */
    static void suppress(IConstruct construct, String rule, String reason, String appliesTo) {
        NagSuppressions.addResourceSuppressions(
                construct,
                List.of(NagPackSuppression.builder()
                        .id(rule)
                        .reason(reason)
                        .appliesTo(List.of(appliesTo))
                        .build()),
                true);
    }
}
