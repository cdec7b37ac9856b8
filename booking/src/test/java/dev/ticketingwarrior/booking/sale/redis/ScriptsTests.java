package dev.ticketingwarrior.booking.sale.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptsTests {

    @Test
    void everyScriptStartsWithTheFunctionsItCalls() {
        assertThat(Scripts.SELL).contains("local function answer(").contains("answer(KEYS[1]");
        assertThat(Scripts.RESOLVE).contains("local function answer(");
        assertThat(Scripts.COMPLETE).contains("local function answer(").contains("local function close_hold(");
        assertThat(Scripts.RELEASE_HOLD).contains("local function close_hold(").contains("return close_hold(");
        assertThat(Scripts.COMPLETE.indexOf("local function close_hold("))
                .isLessThan(Scripts.COMPLETE.indexOf("close_hold(KEYS[3]"));
    }

    @Test
    void everyScriptDocumentsItsKeysAndArguments() {
        for (String script : new String[] {
            Scripts.SELL,
            Scripts.COMPLETE,
            Scripts.RESOLVE,
            Scripts.UNDO,
            Scripts.REGISTER_HOLD,
            Scripts.RELEASE_HOLD,
            Scripts.CLEAR_ABANDONED
        }) {
            assertThat(script).contains("-- KEYS").contains("-- ARGV");
        }
    }
}
