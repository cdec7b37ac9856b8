package dev.ticketingwarrior.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * cdk-nag's AWS Solutions rules run on every synth (see {@link InfrastructureApp}); every finding is either fixed or
 * suppressed on its resource with a reason. Any new finding, or any other synth warning, fails here.
 */
class NagComplianceTests {

    private static final Pattern SUPPRESSION = Pattern.compile("\"reason\":\"([^\"]*)\"");

    @Test
    void prodHasNoUnsuppressedErrorsOrWarnings() {
        assertThat(findings(SynthesizedApp.prod())).isEmpty();
    }

    @Test
    void devHasNoUnsuppressedErrorsOrWarnings() {
        assertThat(findings(SynthesizedApp.dev())).isEmpty();
    }

    @Test
    void everySuppressionSaysWhy() {
        SynthesizedApp prod = SynthesizedApp.prod();
        List<String> reasons = new ArrayList<>();
        for (Stack stack : stacks(prod)) {
            Matcher matcher =
                    SUPPRESSION.matcher(SynthesizedApp.json(prod.template(stack).toJSON()));
            while (matcher.find()) {
                reasons.add(matcher.group(1));
            }
        }

        assertThat(reasons)
                .isNotEmpty()
                .allSatisfy(reason -> assertThat(reason.split(" ")).as(reason).hasSizeGreaterThanOrEqualTo(8));
    }

    private static List<String> findings(SynthesizedApp app) {
        List<String> findings = new ArrayList<>();
        for (Stack stack : stacks(app)) {
            for (SynthesisMessage message : app.messages(stack)) {
                if (message.getLevel() != SynthesisMessageLevel.INFO) {
                    findings.add(message.getLevel() + " " + message.getId() + ": "
                            + message.getEntry().getData());
                }
            }
        }
        return findings;
    }

    private static List<Stack> stacks(SynthesizedApp app) {
        InfrastructureApp.Stacks stacks = app.stacks();
        return List.of(
                stacks.network(),
                stacks.registry(),
                stacks.data(),
                stacks.services(),
                stacks.edge(),
                stacks.monitoring());
    }
}
