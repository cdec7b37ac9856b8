package dev.ticketingwarrior.botrunner.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WireTests {

    @Test
    void writesAOneFieldObjectThatJsonReadsBackExactly() {
        for (String value :
                new String[] {"bot-ab12-4711", "A-1", "", "quote \" back \\ slash", "tab\tnew\nline\u0001"}) {
            String json = Wire.object("nickname", value);

            assertThat(JsonMapper.shared().readValue(json, Map.class)).isEqualTo(Map.of("nickname", value));
        }
        assertThat(Wire.object("seatId", "A-1")).isEqualTo("{\"seatId\":\"A-1\"}");
    }

    @Test
    void writesAnEntryWithItsKey() {
        String json = Wire.entry("bot \"q\" 1", "0123456789abcdef0123456789abcdef");

        assertThat(JsonMapper.shared().readValue(json, Map.class))
                .isEqualTo(Map.of("nickname", "bot \"q\" 1", "entryKey", "0123456789abcdef0123456789abcdef"));
    }
}
