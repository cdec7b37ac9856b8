package dev.ticketingwarrior.botrunner.bot.domain;

import java.time.Duration;

/**
 * How hard the bots make a round (SPEC §6). Reaction and solve medians are the SPEC's; the think-time medians sit
 * between them (a seat pick is a quicker decision than reading a distorted letter, a slower one than a click).
 *
 * <p>Spreads (sigma of the log-normal): reaction 0.5 (an easy bot's reaction ranges ≈ 0.55–4 s over ±2σ), think 0.4,
 * solve 0.35. They are the same for every difficulty, so a harder bot is a uniformly faster one.
 *
 * <table>
 *   <caption>medians</caption>
 *   <tr><th>difficulty</th><th>reaction</th><th>think</th><th>solve</th></tr>
 *   <tr><td>EASY</td><td>1.5 s</td><td>1.2 s</td><td>3 s</td></tr>
 *   <tr><td>NORMAL</td><td>0.6 s</td><td>0.6 s</td><td>1.5 s</td></tr>
 *   <tr><td>HARD</td><td>0.25 s</td><td>0.3 s</td><td>0.8 s</td></tr>
 *   <tr><td>INSANE</td><td>0.1 s</td><td>0.12 s</td><td>0.3 s</td></tr>
 * </table>
 */
public enum Difficulty {
    EASY(1500, 1200, 3000),
    NORMAL(600, 600, 1500),
    HARD(250, 300, 800),
    INSANE(100, 120, 300);

    public static final double REACTION_SIGMA = 0.5;
    public static final double THINK_SIGMA = 0.4;
    public static final double SOLVE_SIGMA = 0.35;

    private final TimingProfile profile;

    Difficulty(long reactionMillis, long thinkMillis, long solveMillis) {
        this.profile = new TimingProfile(
                new LogNormal(Duration.ofMillis(reactionMillis), REACTION_SIGMA),
                new LogNormal(Duration.ofMillis(thinkMillis), THINK_SIGMA),
                new LogNormal(Duration.ofMillis(solveMillis), SOLVE_SIGMA));
    }

    public TimingProfile profile() {
        return profile;
    }
}
