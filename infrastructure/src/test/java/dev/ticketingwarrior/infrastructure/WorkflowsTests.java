package dev.ticketingwarrior.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
    void deployRunsOnlyAfterCiPassedOnThePushedCommitAndDeploysThatCommit() {
        Map<String, Object> deploy = workflow("deploy.yml");
        String ciName = String.valueOf(workflow("ci.yml").get("name"));

        // no push trigger: a push starts CI, and only CI's completion starts the deploy
        Map<String, Object> triggers = triggers(deploy);
        assertThat(triggers).containsOnlyKeys("workflow_run", "workflow_dispatch");
        Map<String, Object> run = map(triggers.get("workflow_run"));
        assertThat(strings(run.get("workflows"))).containsExactly(ciName);
        assertThat(strings(run.get("types"))).containsExactly("completed");
        assertThat(strings(run.get("branches"))).containsExactly("main");

        // the gate passes a completed CI run only if it succeeded on a push to this repository
        Map<String, Object> gate = job(deploy, "gate");
        assertThat(String.valueOf(gate.get("if")))
                .contains("github.event.workflow_run.conclusion == 'success'")
                .contains("github.event.workflow_run.event == 'push'")
                .contains("github.event.workflow_run.head_repository.full_name == github.repository");
        assertThat(map(gate.get("outputs"))).containsKey("sha");
        List<Map<String, Object>> gateSteps = steps(deploy, "gate");
        assertThat(gateSteps.getFirst().get("env").toString()).contains("${{ github.event.workflow_run.head_sha }}");
        String pick = String.join("\n", runs(gateSteps));
        assertThat(pick).contains("sha=\"$CI_SHA\"");
        // by hand: main only, and only a commit CI passed on
        assertThat(pick)
                .contains("refs/heads/main")
                .contains("gh run list")
                .contains("--workflow ci.yml")
                .contains("--commit \"$sha\"")
                .contains("--status success");
        assertThat(map(deploy.get("permissions"))).containsEntry("actions", "read");

        // no job can run before the gate, or without it having passed (needs: skips a job whose need was skipped)
        for (String id : map(deploy.get("jobs")).keySet()) {
            if (!id.equals("gate")) {
                assertThat(needs(job(deploy, id))).as(id).contains("gate");
                assertThat(job(deploy, id)).as(id).doesNotContainKey("if");
            }
        }
        // the commit CI tested is the one built and rolled out, never the branch's newer tip (github.sha)
        String text = read("deploy.yml");
        assertThat(text).doesNotContain("github.sha");
        assertThat(with(steps(deploy, "images"), "actions/checkout").get("ref"))
                .hasToString("${{ needs.gate.outputs.sha }}");
    }

    @Test
    void deployBuildsTheThreeImagesTaggedWithTheCommitAndRollsOutEachService() {
        Map<String, Object> deploy = workflow("deploy.yml");

        assertThat(map(deploy.get("permissions"))).containsEntry("id-token", "write");

        Map<String, Object> images = job(deploy, "images");
        assertThat(matrixServices(images)).containsExactly("admission", "booking", "bot-runner");
        List<Map<String, Object>> build = steps(deploy, "images");
        assertThat(with(build, "aws-actions/configure-aws-credentials").get("role-to-assume"))
                .hasToString("${{ vars.AWS_DEPLOY_ROLE_ARN }}");
        assertThat(uses(build)).anyMatch(action -> action.startsWith("aws-actions/amazon-ecr-login"));
        Map<String, Object> push = with(build, "docker/build-push-action");
        assertThat(push.get("file")).hasToString("infrastructure/docker/${{ matrix.service }}.Dockerfile");
        assertThat(push.get("tags").toString()).endsWith(":${{ needs.gate.outputs.sha }}");
        assertThat(push.get("push")).isEqualTo(true);

        Map<String, Object> rollout = job(deploy, "rollout");
        // no service rolls out before booking's schema is migrated
        assertThat(needs(rollout)).containsExactlyInAnyOrder("gate", "images", "migrate");
        assertThat(matrixServices(rollout)).containsExactly("admission", "booking", "bot-runner");
        List<Map<String, Object>> steps = steps(deploy, "rollout");
        assertThat(uses(steps))
                .anyMatch(action -> action.startsWith("aws-actions/amazon-ecs-render-task-definition"))
                .anyMatch(action -> action.startsWith("aws-actions/amazon-ecs-deploy-task-definition"));
        assertThat(with(steps, "aws-actions/amazon-ecs-render-task-definition")
                        .get("image")
                        .toString())
                .endsWith(":${{ needs.gate.outputs.sha }}");
        assertThat(runs(steps)).anyMatch(run -> run.contains("aws ecs wait services-stable"));
        assertThat(runs(steps)).anyMatch(run -> run.contains("ticketing-warrior-${{ matrix.service }}"));
    }

    /**
     * Booking's tasks start without MySQL, so they no longer migrate the schema (docs/decisions/0017): the deploy runs
     * {@code booking migrate} once, with the new image, after the images are pushed and before any service rolls out,
     * and stops there unless it exited 0.
     */
    @Test
    void deployMigratesBookingsSchemaOnceWithTheNewImageBeforeAnyServiceRollsOut() {
        Map<String, Object> deploy = workflow("deploy.yml");

        Map<String, Object> migrate = job(deploy, "migrate");
        assertThat(needs(migrate)).containsExactlyInAnyOrder("gate", "images");
        assertThat(needs(job(deploy, "rollout"))).contains("migrate");
        assertThat(migrate).doesNotContainKey("strategy");
        assertThat(migrate.get("environment")).isEqualTo("production");
        List<Map<String, Object>> steps = steps(deploy, "migrate");
        assertThat(with(steps, "aws-actions/configure-aws-credentials").get("role-to-assume"))
                .hasToString("${{ vars.AWS_DEPLOY_ROLE_ARN }}");
        String runs = String.join("\n", runs(steps));

        // where to run it: the Services stack's outputs (the stack's name as InfrastructureApp names it in prod)
        String servicesStack = SynthesizedApp.prod().stacks().services().getStackName();
        assertThat(String.valueOf(map(deploy.get("env")).get("SERVICES_STACK"))).contains("'" + servicesStack + "'");
        assertThat(runs)
                .contains("aws cloudformation describe-stacks --stack-name \"$SERVICES_STACK\"")
                .contains(ServicesStack.MIGRATION_TASK_FAMILY_OUTPUT)
                .contains(ServicesStack.PRIVATE_SUBNETS_OUTPUT)
                .contains(ServicesStack.MIGRATION_SECURITY_GROUP_OUTPUT);

        // the migration task definition, rendered with the booking image this run pushed, registered (no service)
        assertThat(runs).contains("aws ecs describe-task-definition");
        Map<String, Object> render = with(steps, "aws-actions/amazon-ecs-render-task-definition");
        assertThat(render.get("container-name")).hasToString(Names.BOOKING_MIGRATION);
        assertThat(render.get("image").toString()).endsWith("/ticketing-warrior/booking:${{ needs.gate.outputs.sha }}");
        assertThat(with(steps, "aws-actions/amazon-ecs-deploy-task-definition"))
                .doesNotContainKey("service")
                .containsEntry("task-definition", "${{ steps.render.outputs.task-definition }}");

        // run once on Fargate in the private subnets, behind the migration's security group, tagged with the commit
        Map<String, Object> run = stepRunning(steps, "aws ecs run-task");
        assertThat(String.valueOf(run.get("run")))
                .contains("--cluster \"$ECS_CLUSTER\"")
                .contains("--launch-type FARGATE")
                .contains("--count 1")
                .contains("--task-definition \"$TASK_DEFINITION\"")
                .contains("subnets=[$SUBNETS]")
                .contains("securityGroups=[$SECURITY_GROUP]")
                .contains("assignPublicIp=DISABLED")
                .contains("--started-by \"$SHA\"");
        assertThat(map(run.get("env")))
                .containsEntry("TASK_DEFINITION", "${{ steps.register.outputs.task-definition-arn }}")
                .containsEntry("SHA", "${{ needs.gate.outputs.sha }}");

        // waits for it and fails the job, naming its logs, unless its container exited 0
        assertThat(runs).contains("aws ecs wait tasks-stopped --cluster \"$ECS_CLUSTER\" --tasks \"$TASK\"");
        String check =
                String.valueOf(stepRunning(steps, "aws ecs describe-tasks").get("run"));
        assertThat(check)
                .contains("select(.name == \"" + Names.BOOKING_MIGRATION + "\")")
                .contains(".exitCode")
                .contains("if [ \"$exit_code\" != 0 ]; then")
                .contains("::error::")
                .contains("awslogs-group")
                .contains("awslogs-stream-prefix")
                .contains("exit 1");
    }

    @Test
    void infrastructureIsDiffedOnPullRequestsAndDeployedFromMainBehindTheProductionEnvironment() {
        Map<String, Object> infra = workflow("infrastructure.yml");

        Map<String, Object> triggers = triggers(infra);
        // the CDK app reads the web app's Content-Security-Policy from web/: a change to it is an infrastructure change
        assertThat(strings(map(triggers.get("pull_request")).get("paths")))
                .contains("infrastructure/**", "web/security-headers.json");
        Map<String, Object> push = map(triggers.get("push"));
        assertThat(strings(push.get("branches"))).containsExactly("main");
        assertThat(strings(push.get("paths"))).contains("infrastructure/**", "web/security-headers.json");
        assertThat(map(infra.get("permissions"))).containsEntry("id-token", "write");

        // the CDK app's own tests come first
        assertThat(runs(steps(infra, "test"))).anyMatch(run -> run.contains("-pl infrastructure verify"));

        Map<String, Object> diff = job(infra, "diff");
        assertThat(needs(diff)).contains("test");
        assertThat(String.valueOf(diff.get("if"))).contains("github.event_name == 'pull_request'");
        assertThat(diff).doesNotContainKey("environment");
        List<Map<String, Object>> diffSteps = steps(infra, "diff");
        assertThat(with(diffSteps, "aws-actions/configure-aws-credentials").get("role-to-assume"))
                .hasToString("${{ vars.AWS_CDK_DIFF_ROLE_ARN }}");
        assertThat(runs(diffSteps)).anyMatch(run -> run.contains("aws-cdk@2 diff") && run.contains("-c env=prod"));
        assertThat(runs(diffSteps)).noneMatch(run -> run.contains(" deploy"));

        Map<String, Object> deploy = job(infra, "deploy");
        assertThat(needs(deploy)).contains("test");
        assertThat(String.valueOf(deploy.get("if")))
                .contains("github.event_name == 'push'")
                .contains("github.ref == 'refs/heads/main'");
        assertThat(deploy.get("environment")).isEqualTo("production");
        List<Map<String, Object>> deploySteps = steps(infra, "deploy");
        assertThat(with(deploySteps, "aws-actions/configure-aws-credentials").get("role-to-assume"))
                .hasToString("${{ vars.AWS_CDK_DEPLOY_ROLE_ARN }}");
        // cdk deploy keeps the image tag the services run (the services' deploy workflow owns it)
        assertThat(runs(deploySteps))
                .anyMatch(run -> run.contains("aws-cdk@2 deploy --all")
                        && run.contains("-c env=prod")
                        && run.contains("-c imageTag="));
        assertThat(runs(deploySteps)).anyMatch(run -> run.contains("scripts/running-image-tag.sh"));
        assertThat(Path.of("scripts", "running-image-tag.sh")).isExecutable();

        // only the deploy job is a production deploy
        for (String id : map(infra.get("jobs")).keySet()) {
            boolean deploys = runs(steps(infra, id)).stream().anyMatch(run -> run.contains("aws-cdk@2 deploy"));
            assertThat(deploys).as(id).isEqualTo(id.equals("deploy"));
        }
    }

    @Test
    void deployTargetsTheNamesTheCdkAppGivesTheClusterServicesAndRepositories() {
        String deploy = read("deploy.yml");

        assertThat(deploy).contains("ECS_CLUSTER: " + Names.CLUSTER);
        for (TicketingService service : TicketingService.values()) {
            assertThat(service.taskFamily()).isEqualTo("ticketing-warrior-" + service.id());
            assertThat(service.repositoryName()).isEqualTo("ticketing-warrior/" + service.id());
        }
        assertThat(Names.BOOKING_MIGRATION_FAMILY).isEqualTo("ticketing-warrior-booking-migration");
        assertThat(Names.BOOKING_MIGRATION).isEqualTo("booking-migration");
        assertThat(deploy).contains("/ticketing-warrior/${{ matrix.service }}:${{ needs.gate.outputs.sha }}");
    }

    /**
     * The fault drills run every night (and by hand, any of them), each a soak judged by its auditor: the job fails on a
     * broken invariant or a run that could not start (1, 2), not on Gatling's bounds a drill is meant to break (3).
     */
    @Test
    void drillsRunNightlyEachDrillThatExistsAndFailOnlyWhenTheAuditorDoes() {
        Map<String, Object> drills = workflow("drills.yml");

        Map<String, Object> triggers = triggers(drills);
        assertThat(triggers).containsOnlyKeys("schedule", "workflow_dispatch");
        assertThat(map(map(triggers.get("workflow_dispatch")).get("inputs"))).containsKeys("faults", "rounds");
        assertThat(map(drills.get("permissions")))
                .containsOnly(Map.entry("contents", "read"), Map.entry("actions", "read"));

        // the nightly set (JSON, which YAML reads too): every drill it names is one perf/soak can run
        List<Map<String, Object>> nightly =
                new Yaml().load(String.valueOf(map(drills.get("env")).get("NIGHTLY")));
        assertThat(nightly).isNotEmpty();
        Set<String> drilled = new TreeSet<>();
        for (Map<String, Object> entry : nightly) {
            assertThat((Integer) entry.get("rounds")).as("%s", entry).isGreaterThanOrEqualTo(3);
            for (String fault : String.valueOf(entry.get("faults")).split(",")) {
                String name = fault.split(":")[0];
                assertThat(Path.of("..", "perf", "faults", name)).as(fault).isExecutable();
                drilled.add(name);
            }
        }
        // SPEC §9 holds across a kill or restart of any service or dependency: no drill is left out of the night
        assertThat(drilled).as("drills run nightly").isEqualTo(drills());
        assertThat(nightly).anyMatch(entry -> entry.get("faults").toString().contains("stop-mysql:180s"));

        // the plan: the nightly set, or the inputs after they are checked to be drill names and a count
        String plan = String.join("\n", runs(steps(drills, "plan")));
        assertThat(plan).contains("$NIGHTLY").contains("^[a-z0-9:,.-]+$").contains("GITHUB_OUTPUT");
        assertThat(steps(drills, "plan").getFirst().get("env").toString())
                .contains("${{ inputs.faults }}")
                .contains("${{ inputs.rounds }}");
        assertThat(plan).doesNotContain("${{ inputs.");

        Map<String, Object> drill = job(drills, "drill");
        assertThat(needs(drill)).containsExactly("plan");
        Map<String, Object> strategy = map(drill.get("strategy"));
        assertThat(strategy).containsEntry("fail-fast", false);
        assertThat(map(strategy.get("matrix"))).containsEntry("include", "${{ fromJSON(needs.plan.outputs.matrix) }}");
        List<Map<String, Object>> steps = steps(drills, "drill");
        assertThat(runs(steps)).anyMatch(run -> run.contains("apt-get install") && run.contains("curl"));
        assertThat(with(steps, "actions/setup-java").get("java-version")).hasToString("21");
        String soak = String.valueOf(stepRunning(steps, "perf/soak").get("run"));
        assertThat(soak)
                .contains("--faults \"$FAULTS\"")
                .contains("--rounds \"$ROUNDS\"")
                .contains("status=${PIPESTATUS[0]}")
                .contains("if [ \"$status\" -eq 3 ]; then")
                .contains("exit \"$status\"")
                // each drill's verdict and recovery on the night's summary page
                .contains(">> \"$GITHUB_STEP_SUMMARY\"")
                .contains("bookings? accepted while");
        // night against night: last night's report of the same drill, compared; a warning, never a failed job
        Map<String, Object> last = stepUsing(steps, "actions/download-artifact");
        assertThat(last).containsEntry("continue-on-error", true);
        assertThat(map(last.get("with")))
                .containsEntry("name", "soak-${{ strategy.job-index }}")
                .containsEntry("run-id", "${{ steps.last.outputs.run-id }}");
        String compare = String.valueOf(stepRunning(steps, "perf/soak compare").get("run"));
        assertThat(compare)
                .contains("last-night/summary.json perf/target/soak/summary.json")
                // found by its place in the nightly set: compared only when it is the same drill, as long
                .contains("$last[0].settings.faults == $now[0].settings.faults")
                .contains("if [ \"$status\" -eq 4 ]; then")
                .contains(">> \"$GITHUB_STEP_SUMMARY\"");
        assertThat(compare.strip()).endsWith("exit 0");
        assertThat(steps.indexOf(stepRunning(steps, "perf/soak compare")))
                .as("compared before the report is kept, so the comparison page is in it")
                .isLessThan(steps.indexOf(stepUsing(steps, "actions/upload-artifact")));
        Map<String, Object> keep = stepUsing(steps, "actions/upload-artifact");
        assertThat(keep.get("if")).isEqualTo("always()");
        assertThat(map(keep.get("with")).get("path").toString())
                .contains("perf/target/soak/*.html")
                .contains("perf/target/soak/*.json");
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
        // the source maps would publish the app's sources: kept as an artifact, never uploaded to the bucket
        assertThat(runs(steps).stream().flatMap(String::lines).filter(line -> line.contains("aws s3 sync")))
                .isNotEmpty()
                .allMatch(line -> line.contains("--exclude \"*.map\""));
        // everything excluded first: an include alone would remove the whole bucket
        assertThat(runs(steps).stream().flatMap(String::lines).filter(line -> line.contains("aws s3 rm")))
                .singleElement()
                .satisfies(line -> assertThat(line).endsWith("--recursive --exclude \"*\" --include \"*.map\""));
        assertThat(steps)
                .anyMatch(step -> String.valueOf(step.get("uses")).startsWith("actions/upload-artifact")
                        && String.valueOf(map(step.get("with")).get("path")).endsWith("*.map"));
        assertThat(runs(steps)).anyMatch(run -> run.contains("aws cloudfront create-invalidation"));
        // the outputs the Edge stack declares
        assertThat(runs(steps)).anyMatch(run -> run.contains("WebBucketName") && run.contains("DistributionId"));
    }

    private static Map<String, Object> workflow(String name) {
        return map(new Yaml().load(read(name)));
    }

    /** The drills perf/soak can run: the executables of perf/faults. */
    private static Set<String> drills() {
        try (Stream<Path> files = Files.list(Path.of("..", "perf", "faults"))) {
            return files.filter(Files::isExecutable)
                    .map(file -> file.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new AssertionError("cannot list perf/faults", e);
        }
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

    /** {@code needs:} is a job id or a list of them. */
    private static List<String> needs(Map<String, Object> job) {
        Object needs = job.get("needs");
        return needs instanceof List<?> list ? strings(list) : needs == null ? List.of() : List.of(needs.toString());
    }

    private static List<String> matrixServices(Map<String, Object> job) {
        return strings(map(map(job.get("strategy")).get("matrix")).get("service"));
    }

    private static Map<String, Object> with(List<Map<String, Object>> steps, String action) {
        return map(stepUsing(steps, action).get("with"));
    }

    /** The first step that uses {@code action} (any version). */
    private static Map<String, Object> stepUsing(List<Map<String, Object>> steps, String action) {
        return steps.stream()
                .filter(step -> String.valueOf(step.get("uses")).startsWith(action + "@"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    /** The first step whose script contains {@code text}. */
    private static Map<String, Object> stepRunning(List<Map<String, Object>> steps, String text) {
        return steps.stream()
                .filter(step -> String.valueOf(step.get("run")).contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step runs " + text));
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
