package dev.ticketingwarrior.booking.support;

import dev.ticketingwarrior.booking.BookingApplication;
import dev.ticketingwarrior.localstack.AuthRedis;
import dev.ticketingwarrior.localstack.Component;
import dev.ticketingwarrior.localstack.LocalStack;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import dev.ticketingwarrior.shared.token.AdmissionTokenIssuer;
import dev.ticketingwarrior.shared.token.TokenDefaults;
import dev.ticketingwarrior.shared.token.TokenKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The integration-test world: the real local stack (Redis, MariaDB, ElasticMQ), one token key set, one test clock,
 * and booking instances started on random ports. Rounds last an hour and stay OPEN for half of it, and each test
 * takes a fresh round, so tests never share keys or rows and never wait for a wall-clock minute.
 */
public final class BookingStack {

    public static final Duration PERIOD = Duration.ofHours(1);
    public static final Duration OPEN_FOR = Duration.ofMinutes(30);
    public static final String BOT_KEY = "it-bot-key";
    public static final String OPS_TOKEN = "it-ops-token";
    private static final Instant FIRST_ROUND = Instant.parse("2031-03-03T00:00:00Z");
    private static final AtomicInteger NEXT_ROUND = new AtomicInteger();
    /** A Monday well after every round {@link #freshRound} hands out. */
    private static final Instant FIRST_LONE_WEEK = Instant.parse("2032-01-05T00:00:00Z");

    private static final AtomicInteger NEXT_LONE_WEEK = new AtomicInteger();

    private static BookingStack shared;

    public final LocalStack stack;
    public final TestClock clock = new TestClock();
    public final RoundClock rounds = new RoundClock(clock, PERIOD, OPEN_FOR);
    public final TokenKeys keys = TokenKeys.of(List.of(TokenKeys.generate("it-" + UUID.randomUUID(), Instant.now())));
    public final AdmissionTokenIssuer issuer = new AdmissionTokenIssuer(keys, TokenDefaults.ISSUER);
    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private RuntimeException startupFailure;

    private BookingStack() {
        stack = LocalStack.shared(Component.REDIS, Component.MYSQL, Component.SQS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> apps.forEach(ConfigurableApplicationContext::close)));
    }

    public static synchronized BookingStack get() {
        if (shared == null) {
            shared = new BookingStack();
        }
        return shared;
    }

    /** The first shared booking instance (started on first use). */
    public synchronized ConfigurableApplicationContext first() {
        if (startupFailure != null) {
            throw new IllegalStateException("the booking instance failed to start before", startupFailure);
        }
        if (first == null) {
            try {
                first = start(Map.of());
            } catch (RuntimeException e) {
                startupFailure = e;
                throw e;
            }
        }
        return first;
    }

    /** A second shared instance on the same stack (its own Redisson client and SQS listener). */
    public synchronized ConfigurableApplicationContext second() {
        first();
        if (second == null) {
            second = start(Map.of());
        }
        return second;
    }

    public Api api(ConfigurableApplicationContext app) {
        return new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    /** Starts another instance with these extra properties (closed at JVM exit, or by the caller). */
    public synchronized ConfigurableApplicationContext start(Map<String, String> extra) {
        return start(clock, extra, "test");
    }

    /** A booking instance on a Redis of its own, signed in with the username and password properties (the aws profile's). */
    public ConfigurableApplicationContext startSignedInTo(AuthRedis redis, String username, String password) {
        return start(Map.of(
                "ticketing.redis.url", redis.url(),
                "ticketing.redis.username", username,
                "ticketing.redis.password", password));
    }

    public synchronized ConfigurableApplicationContext start(
            Clock appClock, Map<String, String> extra, String profiles) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("ticketing.round.period", PERIOD.toSeconds() + "s");
        properties.put("ticketing.round.open-for", OPEN_FOR.toSeconds() + "s");
        properties.put("ticketing.token.keys", keys.publicJwksJson());
        properties.put("ticketing.bot-key", BOT_KEY);
        properties.put("ticketing.ops-token", OPS_TOKEN);
        properties.put("ticketing.redis.url", stack.redisUrl());
        properties.put("ticketing.queue.visibility-seconds", "2");
        // a hold in a round Redis lost waits this long for its restore (250 ms in production, where a round's rows are
        // read in a few ms): a loaded test machine must not turn a restore that is only slow into an unchecked hold
        properties.put("ticketing.queue.restore-hold-wait", "10s");
        properties.put("spring.datasource.url", stack.mysqlJdbcUrl());
        properties.put("spring.datasource.username", stack.mysqlUser());
        properties.put("spring.datasource.password", stack.mysqlPassword());
        properties.put("spring.cloud.aws.sqs.endpoint", stack.sqsEndpoint());
        properties.put("spring.cloud.aws.region.static", LocalStack.REGION);
        properties.put("spring.cloud.aws.credentials.access-key", LocalStack.ACCESS_KEY);
        properties.put("spring.cloud.aws.credentials.secret-key", LocalStack.SECRET_KEY);
        properties.put("logging.structured.format.console", "");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.dev.ticketingwarrior", "INFO");
        // a null value in extra removes a default (e.g. to let a profile supply the datasource credentials)
        extra.forEach((key, value) -> {
            if (value == null) {
                properties.remove(key);
            } else {
                properties.put(key, value);
            }
        });
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(BookingApplication.class)
                .profiles(profiles.isEmpty() ? new String[0] : profiles.split(","))
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", appClock))
                .run(args);
        apps.add(app);
        return app;
    }

    /** A round no other test uses; the clock is put one second after its open. */
    public Round freshRound() {
        Round round = rounds.roundAt(FIRST_ROUND.plus(PERIOD.multipliedBy(NEXT_ROUND.getAndIncrement())));
        clock.set(round.opensAt().plusSeconds(1));
        return round;
    }

    /**
     * {@code count} (at most 24) consecutive rounds of one UTC day, in an ISO week no other test books in: for a test
     * that reads a day's or week's leaderboard whole. The clock is put one second after the first one's open.
     */
    public List<Round> roundsOfALoneWeek(int count) {
        if (count < 1 || count > 24) {
            throw new IllegalArgumentException("1 to 24 rounds of a day, not " + count);
        }
        Instant monday = FIRST_LONE_WEEK.plus(Duration.ofDays(7L * NEXT_LONE_WEEK.getAndIncrement()));
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rounds.add(this.rounds.roundAt(monday.plus(PERIOD.multipliedBy(i))));
        }
        clock.set(rounds.getFirst().opensAt().plusSeconds(1));
        return rounds;
    }

    /** A human's token for {@code round}: entered at open + 200 ms, admitted 300 ms later. */
    public String token(Round round, String ticketId, String nickname, boolean bot) {
        return token(round, ticketId, nickname, bot, Duration.ofMillis(200), Duration.ofMillis(500));
    }

    public String token(
            Round round, String ticketId, String nickname, boolean bot, Duration entered, Duration admitted) {
        Instant now = clock.instant();
        return issuer.issue(new AdmissionClaims(
                ticketId,
                round.id(),
                nickname,
                bot,
                1,
                round.opensAt().plus(entered),
                round.opensAt().plus(admitted),
                now.minusSeconds(1),
                round.endsAt().plusSeconds(60),
                UUID.randomUUID().toString()));
    }

    /** A token of {@code round} for reading its seat map while it is OPEN (SPEC §5: admitted players only). */
    public String viewer(Round round) {
        return token(round, ticket(), "viewer", false);
    }

    public static String ticket() {
        return "t-" + UUID.randomUUID();
    }

    public static RoundId id(Round round) {
        return round.id();
    }
}
