package dev.ticketingwarrior.perf.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run changes on the services it plays against, through their ops APIs: admission's settings
 * ({@code ratePerSecond, openBatch, maxActive, paused}) and the bots' ({@code enabled, perRound, difficulty, …}).
 * Both are read before anything is changed ({@link #save}: a run that cannot read them does not start, since it could
 * not put them back), and {@link #restore} puts back exactly what was read, once, whatever ended the run (its end, an
 * exception, Ctrl-C through {@link SoakMain}'s shutdown hook). Against a deployment this is what ops had set: a pause,
 * a cap, the bot fleet. What ops changed themselves while the run played is theirs: it is left as it is, and said.
 */
final class OpsSettings {

    static final String ADMISSION = "/api/v1/admin/admission";
    static final String BOTS = "/api/v1/bots";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpsClient ops;
    private final SoakOptions options;
    private final JsonNode admissionBefore;
    private final Optional<JsonNode> botsBefore;
    private JsonNode admissionSet;
    private Optional<JsonNode> botsSet = Optional.empty();
    private boolean changed;
    private boolean restored;

    private OpsSettings(OpsClient ops, SoakOptions options, JsonNode admissionBefore, Optional<JsonNode> botsBefore) {
        this.ops = ops;
        this.options = options;
        this.admissionBefore = admissionBefore;
        this.botsBefore = botsBefore;
    }

    /** The settings as they are now; {@link SoakMain.CannotStart} when either cannot be read (nothing is changed). */
    static OpsSettings save(OpsClient ops, SoakOptions options) throws InterruptedException {
        JsonNode admission = read(ops, options.admissionUrl() + ADMISSION, "admission's settings");
        Optional<JsonNode> bots = Optional.empty();
        if (options.botRunnerUrl().isPresent()) {
            bots = Optional.of(read(ops, options.botRunnerUrl().get() + BOTS, "the bots' settings"));
        }
        return new OpsSettings(ops, options, admission, bots);
    }

    private static JsonNode read(OpsClient ops, String url, String what) throws InterruptedException {
        try {
            JsonNode settings = ops.read(url);
            if (!settings.isObject()) {
                throw new IOException("GET " + url + " answered " + settings + ", not settings");
            }
            return settings;
        } catch (IOException e) {
            throw new SoakMain.CannotStart("could not read " + what + " before changing them (" + e.getMessage()
                    + "); the run would not know what to put back, so it does not start (check --ops-token and the"
                    + " URL)");
        }
    }

    /** The run's settings: admission's rate and cap, no batch, not paused; the bots as asked. */
    synchronized void apply() throws IOException, InterruptedException {
        changed = true;
        String admission = """
                {"ratePerSecond": %s, "openBatch": 0, "maxActive": %d, "paused": false}""".formatted(options.admissionRate(), options.maxActive());
        ops.put(options.admissionUrl() + ADMISSION, admission);
        admissionSet = JSON.readTree(admission);
        if (botsBefore.isPresent()) {
            String bots = """
                    {"enabled": %s, "perRound": %d, "difficulty": "%s"}""".formatted(options.bots() > 0, Math.max(options.bots(), 0), options.difficulty());
            ops.put(options.botRunnerUrl().get() + BOTS, bots);
            botsSet = Optional.of(JSON.readTree(bots));
        }
    }

    /** Whether the bot-runner's settings were read, so the run sets and restores them. */
    boolean botsSet() {
        return botsBefore.isPresent();
    }

    /**
     * Puts back what {@link #save} read, once (a second call, from the shutdown hook or the run's end, does nothing;
     * it waits for one under way); nothing if nothing was changed. Settings that are no longer what the run set were
     * changed by someone else while it played: they are left as they are. The lines say what was not put back.
     */
    synchronized List<String> restore() {
        List<String> failed = new ArrayList<>();
        if (restored || !changed) {
            return failed;
        }
        restored = true;
        // a local service a drill replaced listens on another port than the one the run began with
        String admission = HeapReading.currentUrl(
                options, "admission", options.currentPids().get("admission"));
        restore(
                admission + ADMISSION,
                admissionBefore,
                Optional.ofNullable(admissionSet),
                "admission's settings",
                failed);
        botsBefore.ifPresent(bots -> {
            String botRunner = HeapReading.currentUrl(
                    options, "bot-runner", options.currentPids().get("bot-runner"));
            restore(botRunner + BOTS, bots, botsSet, "the bots' settings", failed);
        });
        return failed;
    }

    /**
     * {@link #restore} for a run stopped by Ctrl-C, which says what it did either way: the lines of what was not put
     * back, or one that all of it was (silence would leave ops guessing whether their settings are theirs again).
     */
    synchronized List<String> restoreOnStop() {
        boolean due = changed && !restored;
        List<String> failed = restore();
        if (!due || !failed.isEmpty()) {
            return failed;
        }
        return List.of(
                "stopped: " + (botsBefore.isPresent() ? "admission's and the bots' settings" : "admission's settings")
                        + " put back as they were before the run");
    }

    /** Puts {@code before} back, unless the settings are no longer {@code set} (what the run put there). */
    private void restore(String url, JsonNode before, Optional<JsonNode> set, String what, List<String> failed) {
        Optional<JsonNode> now = set.isPresent() ? ops.get(url) : Optional.empty();
        if (now.isPresent() && !holds(now.get(), set.get())) {
            failed.add(what + " were changed by someone else during the run (now " + now.get() + "): left as they are,"
                    + " not put back to " + before);
            return;
        }
        put(url, before, what, failed);
    }

    /** Whether {@code settings} hold every field of {@code set} as it was set (numbers as numbers: 20 is 20.0). */
    static boolean holds(JsonNode settings, JsonNode set) {
        for (var field : set.properties()) {
            JsonNode value = settings.get(field.getKey());
            if (value == null) {
                return false;
            }
            boolean same = field.getValue().isNumber()
                    ? value.isNumber() && value.asDouble() == field.getValue().asDouble()
                    : value.asText().equals(field.getValue().asText());
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private void put(String url, JsonNode before, String what, List<String> failed) {
        try {
            ops.put(url, before.toString());
        } catch (IOException e) {
            failed.add("could not put " + what + " back as they were (" + before + ") through " + url + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.add("interrupted while putting " + what + " back as they were (" + before + ")");
        }
    }
}
