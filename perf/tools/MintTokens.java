import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import dev.ticketingwarrior.shared.token.AdmissionTokenIssuer;
import dev.ticketingwarrior.shared.token.TokenDefaults;
import dev.ticketingwarrior.shared.token.TokenKeys;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Mints admission tokens for the booking benchmark without an admission service, with the shared module's own
 * {@link TokenKeys} and {@link AdmissionTokenIssuer} (so they are exactly what admission would issue).
 *
 * <pre>
 * java -cp &lt;shared + nimbus-jose-jwt&gt; perf/tools/MintTokens.java PRIVATE_JWKS PUBLIC_JWKS SPEC...
 *   PRIVATE_JWKS  the signing key set (JWK set JSON with private parts); created with one new ES256 key if missing
 *   PUBLIC_JWKS   written: the public JWK set, the value of booking's TICKETING_TOKEN_KEYS
 *   SPEC          roundId:count:prefix:outFile[:human] — count tokens of that round, one per line in outFile;
 *                 ticket "prefix-i", nickname "prefix" + i (keep the prefix short: nicknames are 2-20 characters);
 *                 bot=true unless ":human" is appended (bots skip the security letter with X-Bot-Key)
 * </pre>
 *
 * Tokens are valid for two hours from now (booking checks exp, not that exp falls in the round).
 */
public class MintTokens {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: MintTokens PRIVATE_JWKS PUBLIC_JWKS roundId:count:prefix:outFile[:human]...");
            System.exit(2);
        }
        Instant now = Instant.now();
        TokenKeys keys = TokenKeys.loadOrCreateDevKeys(Path.of(args[0]), now);
        Files.writeString(Path.of(args[1]), keys.publicJwksJson(), StandardCharsets.UTF_8);
        AdmissionTokenIssuer issuer = new AdmissionTokenIssuer(keys, TokenDefaults.ISSUER);
        Instant expiresAt = now.plus(Duration.ofHours(2));
        for (int a = 2; a < args.length; a++) {
            String[] spec = args[a].split(":", 5);
            if (spec.length < 4) {
                throw new IllegalArgumentException("not roundId:count:prefix:outFile[:human]: " + args[a]);
            }
            RoundId round = RoundId.parse(spec[0])
                    .orElseThrow(() -> new IllegalArgumentException("not a round id: " + spec[0]));
            int count = Integer.parseInt(spec[1]);
            String prefix = spec[2];
            boolean bot = !(spec.length == 5 && spec[4].equals("human"));
            long started = System.nanoTime();
            // ES256 signing is CPU-bound and the signer is thread-safe: use every core
            List<String> tokens = IntStream.range(0, count)
                    .parallel()
                    .mapToObj(i -> issuer.issue(new AdmissionClaims(
                            prefix + "-" + i,
                            round,
                            prefix + i,
                            bot,
                            i + 1L,
                            now.minusMillis(2000),
                            now.minusMillis(1000),
                            now,
                            expiresAt,
                            prefix + "-jti-" + i)))
                    .toList();
            Path out = Path.of(spec[3]);
            try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (String token : tokens) {
                    writer.write(token);
                    writer.newLine();
                }
            }
            System.out.printf(
                    "mint: %d %s tokens of round %s (kid %s) → %s in %d ms%n",
                    count,
                    bot ? "bot" : "human",
                    round,
                    issuer.keyIdAt(now),
                    out,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
