package dev.ticketingwarrior.admission.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A nickname belongs to the client that entered with it (SPEC §4): nicknames are public on the results and the
 * leaderboard, so knowing one must never be enough to take its ticket or its token.
 */
class NicknameOwnershipIT extends AdmissionIntegrationTest {

    private static final String TAKEN = "https://ticketing-warrior.dev/problems/nickname-taken";

    @Test
    void anotherClientEnteringATakenNicknameGetsNeitherTicketNorToken() {
        settings(0, 1, 0, false);
        openRound();
        String ticket = id(enter("주인닉네임"));
        advance(Duration.ofMillis(10));
        String token = status(ticket).get("token").asString();

        String refused = expectTaken(post("주인닉네임", null, null));

        assertThat(refused).doesNotContain(ticket).doesNotContain(token).doesNotContain("ticketId");
        // the refused attempt took no place in the queue
        assertThat(status(ticket).get("waiting").asLong()).isZero();
        assertThat(status(ticket).get("token").asString()).isEqualTo(token);
    }

    @Test
    void theOwnerResumesWithItsTicketId() {
        settings(0, 0, 0, false);
        openRound();
        enter("앞사람");
        String ticket = id(enter("되돌아온닉"));

        JsonNode resumed = ok(post("되돌아온닉", ticket, null));

        assertThat(id(resumed)).isEqualTo(ticket);
        assertThat(resumed.get("position").asLong()).isEqualTo(2);
        assertThat(resumed.get("waiting").asLong()).isEqualTo(2);
    }

    @Test
    void aWrongOrUnknownTicketIdDoesNotUnlockATakenNickname() {
        openRound();
        String owners = id(enter("owner_nick"));
        String someoneElses = id(enter("other_nick"));
        String sameShapeUnknown = owners.substring(0, owners.length() - 22) + "A".repeat(22);

        for (String claimed : new String[] {someoneElses, sameShapeUnknown, "not-a-ticket", "", owners.toLowerCase()}) {
            String refused = expectTaken(post("owner_nick", claimed, null));
            assertThat(refused).doesNotContain(owners);
        }
    }

    @Test
    void botsFollowTheSameRule() {
        openRound();
        String human = id(enter("shared_name"));
        expectTaken(post("shared_name", null, BOT_KEY));

        String bot = id(created(post("bot-owned", null, BOT_KEY)));
        expectTaken(post("bot-owned", null, BOT_KEY));
        expectTaken(post("bot-owned", human, BOT_KEY));
        JsonNode resumed = ok(post("bot-owned", bot, BOT_KEY));
        assertThat(id(resumed)).isEqualTo(bot);
    }

    /** The entry was made but its answer lost (a 503 after Valkey ran the script): the same entry key resumes it. */
    @Test
    void theClientWhoseEntryAnswerWasLostResumesWithItsEntryKeyAndNobodyElseDoes() {
        settings(0, 0, 0, false);
        openRound();
        String key = "k".repeat(22) + UUID.randomUUID().toString().replace("-", "");
        String ticket = id(created(post("잃어버린답", null, null, key)));

        JsonNode again = ok(post("잃어버린답", null, null, key));

        assertThat(id(again)).isEqualTo(ticket);
        assertThat(again.get("waiting").asLong()).as("no second ticket").isEqualTo(1);
        String otherKey = "o".repeat(22) + UUID.randomUUID().toString().replace("-", "");
        assertThat(expectTaken(post("잃어버린답", null, null, otherKey))).doesNotContain(ticket);
        assertThat(expectTaken(post("잃어버린답", null, null, null))).doesNotContain(ticket);
        // the key proves the entry of its own nickname only: another nickname's owner keeps it
        String others = id(created(post("다른주인", null, null, otherKey)));
        assertThat(expectTaken(post("다른주인", null, null, key))).doesNotContain(others);
    }

    /** Each look-alike below reads as the owner's nickname on a leaderboard: none may become a second owner. */
    @Test
    void aNicknameThatOnlyLooksDifferentIsTheSameNickname() {
        openRound();
        String owners = id(enter("probe_kim1"));
        for (String lookAlike : new String[] {
            "PROBE_KIM1", // case
            "\uFF50\uFF52\uFF4F\uFF42\uFF45_kim1", // fullwidth letters
            "probe_kiml", // a letter l for the digit 1
            "\uD835\uDC29robe_kim1" // mathematical bold p
        }) {
            assertThat(expectTaken(post(lookAlike, null, null))).as(lookAlike).doesNotContain(owners);
        }
        // its owner still resumes, whichever way it writes its nickname
        JsonNode resumed = ok(post("PROBE_KIM1", owners, null));
        assertThat(id(resumed)).isEqualTo(owners);
        assertThat(resumed.get("waiting").asLong()).as("no second ticket").isEqualTo(1);
        // a nickname written in Cyrillic letters alone, each like a Latin one
        String latin = id(enter("paypa_1"));
        assertThat(expectTaken(post("\u0440\u0430\u0443\u0440\u0430_1", null, null)))
                .doesNotContain(latin);
    }

    /**
     * During a rolling deploy, instances of the version before the owner key serve the same round and know a nickname
     * by its exact name only: each version finds what the other entered (decision 0020).
     */
    @Test
    void instancesThatKnowNicknamesByTheirExactNameFindWhatThisOneEnteredAndTheOtherWayRound() {
        openRound();
        String nicks = RoundId.startingAt(roundOpen).hashTag() + ":nicks";
        String owners = id(enter("entered_here"));
        assertThat(redis().opsForHash().get(nicks, "entered_here"))
                .as("what an instance of the version before looks up")
                .isEqualTo(owners.split("-")[1]);

        // as the version before enters a nickname: under its exact name only
        String before = id(enter("holder_of_a_number"));
        redis().opsForHash().put(nicks, "entered_before", before.split("-")[1]);
        assertThat(expectTaken(post("entered_before", null, null))).doesNotContain(before);
    }

    @Test
    void aNicknameThatMixesScriptsAsLookAlikesDoIsRefusedAndTakesNoPlace() {
        openRound();
        // a Cyrillic a among Latin letters; Arabic-Indic digits after ASCII ones (one script, two digit systems)
        for (String mixed : new String[] {"p\u0430ypal", "kim12\u0661"}) {
            post(mixed, null, null)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://ticketing-warrior.dev/problems/invalid-nickname")
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains("mix scripts"));
        }
        // Latin with Hangul is one name's usual mixture
        JsonNode entered = created(post("kim_김철수", null, null));
        assertThat(entered.get("waiting").asLong())
                .as("the refused ones took no place")
                .isEqualTo(1);
    }

    @Test
    void aMalformedEntryKeyIsRefusedAndTakesNoPlace() {
        openRound();
        for (String malformed : new String[] {"short", "x".repeat(65), "has spaces in it but long enough", ""}) {
            post("bad_key_nick", null, null, malformed)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://ticketing-warrior.dev/problems/invalid-request");
        }
        post("bad_key_nick", null, null, null).expectStatus().isCreated();
    }

    @Test
    void aTicketIdOfAnEarlierRoundEntersAFreeNicknameAnew() {
        // a round a year back: no other test's round, whose queue an entry here would disturb
        clock.set(roundOpen.minus(Duration.ofDays(365)));
        String earlier = id(enter("every_round"));

        openRound();
        JsonNode next = created(post("every_round", earlier, null));

        assertThat(id(next)).isNotEqualTo(earlier);
        assertThat(next.get("position").asLong()).isEqualTo(1);
    }

    private WebTestClient.ResponseSpec post(String nickname, String ticketId, String botKey) {
        return post(nickname, ticketId, botKey, null);
    }

    private WebTestClient.ResponseSpec post(String nickname, String ticketId, String botKey, String entryKey) {
        Map<String, String> body = new HashMap<>();
        body.put("nickname", nickname);
        if (ticketId != null) {
            body.put("ticketId", ticketId);
        }
        if (entryKey != null) {
            body.put("entryKey", entryKey);
        }
        WebTestClient.RequestBodySpec request = web.post().uri("/api/v1/queue").contentType(MediaType.APPLICATION_JSON);
        if (botKey != null) {
            request = request.header("X-Bot-Key", botKey);
        }
        return request.bodyValue(body).exchange();
    }

    private static JsonNode ok(WebTestClient.ResponseSpec response) {
        return body(response, 200);
    }

    private static JsonNode created(WebTestClient.ResponseSpec response) {
        return body(response, 201);
    }

    private static JsonNode body(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** Asserts a 409 nickname-taken problem and answers its raw body. */
    private static String expectTaken(WebTestClient.ResponseSpec response) {
        String body = response.expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).contains("\"type\":\"" + TAKEN + "\"").doesNotContain("\"token\"");
        return body;
    }
}
