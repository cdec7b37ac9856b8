package dev.ticketingwarrior.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub workflows, read as YAML: the triggers, permissions, jobs and steps the deployment relies on. (No
 * current actionlint installs from apt or npm here, so this is the check that runs in every build.)
 */
class WorkflowsTests {

    private static final Path WORKFLOWS = Path.of("..", ".github", "workflows");

    @Test
    void ciRunsEveryTestOnPushAndPullRequestWithJava21Node20AndChromium() {
        Map<String, Object> ci = workflow("ci.yml");

        assertThat(triggers(ci)).containsKeys("push", "pull_request");
        List<Map<String, Object>> steps = steps(ci, "test");
        assertThat(with(steps, "actions/setup-java")).containsEntry("distribution", "temurin");
        assertThat(with(steps, "actions/setup-java").get("java-version")).hasToString("21");
        assertThat(with(steps, "actions/setup-node").get("node-version")).hasToString("20");
        assertThat(runs(steps)).anyMatch(run -> run.contains("apt-get install") && run.contains("chromium"));
        assertThat(runs(steps)).anyMatch(run -> run.trim().equals("scripts/test"));
        assertThat(map(ci.get("permissions"))).containsEntry("contents", "read");
    }

    @Test
    void deployBuildsTheThreeImagesTaggedWithTheCommitAndRollsOutEachService() {
        Map<String, Object> deploy = workflow("deploy.yml");

        Map<String, Object> triggers = triggers(deploy);
        assertThat(triggers).containsKey("workflow_dispatch");
        Map<String, Object> push = map(triggers.get("push"));
        assertThat(push.get("branches")).isEqualTo(List.of("main"));
        assertThat(strings(push.get("paths"))).contains("admission/**", "booking/**", "bot-runner/**", "shared/**");
        assertThat(map(deploy.get("permissions"))).containsEntry("id-token", "write");

        Map<String, Object> images = job(deploy, "images");
        assertThat(matrixServices(images)).containsExactly("admission", "booking", "bot-runner");
        List<Map<String, Object>> build = steps(deploy, "images");
        assertThat(with(build, "aws-actions/configure-aws-credentials").get("role-to-assume"))
                .hasToString("${{ vars.AWS_DEPLOY_ROLE_ARN }}");
        assertThat(uses(build)).anyMatch(action -> action.startsWith("aws-actions/amazon-ecr-login"));
        Map<String, Object> push1 = with(build, "docker/build-push-action");
        assertThat(push1.get("file")).hasToString("infrastructure/docker/${{ matrix.service }}.Dockerfile");
        assertThat(push1.get("tags").toString()).endsWith(":${{ github.sha }}");
        assertThat(push1.get("push")).isEqualTo(true);

        Map<String, Object> rollout = job(deploy, "rollout");
        assertThat(rollout.get("needs")).isEqualTo("images");
        assertThat(matrixServices(rollout)).containsExactly("admission", "booking", "bot-runner");
        List<Map<String, Object>> steps = steps(deploy, "rollout");
        assertThat(uses(steps))
                .anyMatch(action -> action.startsWith("aws-actions/amazon-ecs-render-task-definition"))
                .anyMatch(action -> action.startsWith("aws-actions/amazon-ecs-deploy-task-definition"));
        assertThat(runs(steps)).anyMatch(run -> run.contains("aws ecs wait services-stable"));
        assertThat(runs(steps)).anyMatch(run -> run.contains("ticketing-warrior-${{ matrix.service }}"));
    }

    @Test
    void deployTargetsTheNamesTheCdkAppGivesTheClusterServicesAndRepositories() {
        String deploy = read("deploy.yml");

        assertThat(deploy).contains("ECS_CLUSTER: " + Names.CLUSTER);
        for (TicketingService service : TicketingService.values()) {
            assertThat(service.taskFamily()).isEqualTo("ticketing-warrior-" + service.id());
            assertThat(service.repositoryName()).isEqualTo("ticketing-warrior/" + service.id());
        }
        assertThat(deploy).contains("/ticketing-warrior/${{ matrix.service }}:${{ github.sha }}");
    }

    @Test
    void webBuildsSyncsToS3AndInvalidatesCloudFront() {
        Map<String, Object> web = workflow("web.yml");

        assertThat(strings(map(triggers(web).get("push")).get("paths"))).contains("web/**");
        assertThat(map(web.get("permissions"))).containsEntry("id-token", "write");
        List<Map<String, Object>> steps = steps(web, "web");
        assertThat(runs(steps)).anyMatch(run -> run.trim().equals("npm ci"));
        assertThat(runs(steps)).anyMatch(run -> run.trim().equals("npm run build"));
        assertThat(steps).anyMatch(step -> "web".equals(step.get("working-directory")));
        assertThat(runs(steps)).anyMatch(run -> run.contains("aws s3 sync web/dist") && run.contains("--delete"));
        assertThat(runs(steps)).anyMatch(run -> run.contains("aws cloudfront create-invalidation"));
        // the outputs the Edge stack declares
        assertThat(runs(steps)).anyMatch(run -> run.contains("WebBucketName") && run.contains("DistributionId"));
    }

    private static Map<String, Object> workflow(String name) {
        return map(new Yaml().load(read(name)));
    }

    private static String read(String name) {
        try {
            return Files.readString(WORKFLOWS.resolve(name));
        } catch (IOException e) {
            throw new AssertionError("missing workflow " + name, e);
        }
    }

    /** YAML 1.1 reads the key {@code on} as the boolean true. */
    private static Map<String, Object> triggers(Map<String, Object> workflow) {
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
        return map(on);
    }

    private static Map<String, Object> job(Map<String, Object> workflow, String id) {
        return map(map(workflow.get("jobs")).get(id));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> workflow, String jobId) {
        return (List<Map<String, Object>>) job(workflow, jobId).get("steps");
    }

    private static List<String> matrixServices(Map<String, Object> job) {
        return strings(map(map(job.get("strategy")).get("matrix")).get("service"));
    }

    private static Map<String, Object> with(List<Map<String, Object>> steps, String action) {
        return steps.stream()
                .filter(step -> String.valueOf(step.get("uses")).startsWith(action + "@"))
                .findFirst()
                .map(step -> map(step.get("with")))
                .orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    private static List<String> uses(List<Map<String, Object>> steps) {
        return steps.stream()
                .map(step -> step.get("uses"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .toList();
    }

    private static List<String> runs(List<Map<String, Object>> steps) {
        return steps.stream()
                .map(step -> step.get("run"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
