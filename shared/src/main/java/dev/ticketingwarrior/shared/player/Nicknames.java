package dev.ticketingwarrior.shared.player;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The nickname rule of SPEC §4, one for admission (entry) and booking (history): 2–20 characters (code points), each a
 * letter of any script (Hangul included), a decimal digit, {@code _} or {@code -}, after NFC normalisation, so a
 * nickname typed as decomposed jamo is the same player as the composed one. The Hangul fillers are letters that show
 * nothing: with them {@code kim} and {@code kim}+U+3164 would read alike on a leaderboard, so they are refused.
 *
 * <p>Nicknames that only look different are one nickname to whoever owns it ({@link #ownerKey}), and a new one may not
 * mix scripts as impersonation does ({@link #mixesScripts}): both from Unicode's security mechanisms (UTS #39), as ICU
 * implements them.
 */
public final class Nicknames {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 20;

    /** What a player is told when their input is not a nickname at all. */
    public static final String RULE = "A nickname is 2 to 20 letters, digits, '_' or '-'.";

    /** What a player is told when a new nickname {@linkplain #mixesScripts mixes scripts}. */
    public static final String SCRIPT_RULE =
            "A nickname may not mix scripts as look-alikes do (such as Cyrillic letters"
                    + " among Latin ones, or two kinds of digits).";

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Nd}_\\-&&[^\\u115F\\u1160\\u3164\\uFFA0]]+");

    /** UTS #39's "highly restrictive" level: one script, or Latin with Han and Hangul, or with Han and kana. */
    private static final SpoofChecker MIXTURES = new SpoofChecker.Builder()
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)
            .build();

    private static final SpoofChecker LOOK_ALIKES =
            new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();

    private static final Normalizer2 FOLDED = Normalizer2.getNFKCCasefoldInstance();

    private Nicknames() {}

    /** The NFC form of {@code raw} when it is a valid nickname. */
    public static Optional<String> parse(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH * 4) {
            return Optional.empty();
        }
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC);
        return isValid(normalized) ? Optional.of(normalized) : Optional.empty();
    }

    /**
     * Whether {@code nickname} mixes scripts or digits as look-alikes do: Cyrillic letters among Latin ones
     * ({@code pаypal}), Arabic-Indic digits with ASCII ones. Latin with Hangul and Han, or with Han and kana, is one
     * name's usual mixture and allowed.
     */
    public static boolean mixesScripts(String nickname) {
        return MIXTURES.failsChecks(nickname);
    }

    /**
     * The key a round keeps its nickname's owner under: the same for every nickname that looks like it, whatever its
     * case, width or look-alike letters ({@code probe}, {@code PROBE}, fullwidth {@code ｐｒｏｂｅ}, Cyrillic
     * {@code рrobe}, {@code kim1} and {@code kiml}, {@code probe1} and {@code pr0be1}): UTS #39's confusable skeleton
     * of its NFKC case fold, taken twice, since a skeleton may hold capitals the fold did not see (a zero's is
     * {@code O}, while {@code o} stays {@code o}); twice is stable for every letter and digit. Only compared, never
     * shown.
     */
    public static String ownerKey(String nickname) {
        String once = LOOK_ALIKES.getSkeleton(FOLDED.normalize(nickname));
        return LOOK_ALIKES.getSkeleton(FOLDED.normalize(once));
    }

    /**
     * Loads the Unicode data the look-alike rules use (ICU's, once per JVM, tens of milliseconds) now, so that a
     * service can do it at start-up instead of in the first entry of a round.
     */
    public static void loadUnicodeData() {
        ownerKey(parse("load").orElseThrow());
        mixesScripts("load");
    }

    /** Whether {@code text}, as it is (not normalised), is a valid nickname. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        int length = text.codePointCount(0, text.length());
        return length >= MIN_LENGTH
                && length <= MAX_LENGTH
                && ALLOWED.matcher(text).matches();
    }
}
