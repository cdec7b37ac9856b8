package dev.ticketingwarrior.edge.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bad input, generated from a fixed seed so a run is the same on every machine: a corpus of known-nasty values plus
 * random variants of them. Every value made here is wrong for the place it is put (the caller says what a valid value
 * looks like); none of them can turn a request into a valid one.
 */
public final class BadInputs {

    /** The seed of {@code scripts/test}; {@code -Dbadinput.seed=…} replays another run. */
    public static final long DEFAULT_SEED = 17L;

    /** Code points that are never part of a valid name, id or enum value: at least one is in every tricky string. */
    private static final int[] POISON = {
        0x0000, 0x0001, 0x001B, 0x007F, 0x202E, 0x202D, 0x2066, 0x200B, 0x200D, 0xFEFF, 0x0301, 0x0336, 0x20DD, 0x1F600,
        0x1F1F0, 0x1F468, 0xFFFD, 0xFFFF, 0x10FFFF, 0xD800, 0xDC00, 0xDBFF, '\n', '\r', '\t', '<', '>', '"', '\\', '\'',
        '%', '/', '.', ' ', '$', '{', '}', ';', '&', '=', '*', 0x00A0, 0x3000, 0x2028, 0x2029, 0xE000
    };

    /** Characters that are fine on their own (letters of several scripts, digits). */
    private static final String PLAIN = "abcxyzABCXYZ0123456789_-가나다힣абвгдاببטעןΩλ漢字ﾃｽﾄ";

    private final Random random;

    public BadInputs(long seed) {
        this.random = new Random(seed);
    }

    /** The seed from {@code -Dbadinput.seed}, else {@link #DEFAULT_SEED}. */
    public static long seed() {
        return Long.getLong("badinput.seed", DEFAULT_SEED);
    }

    public Random random() {
        return random;
    }

    // ---------------------------------------------------------------- strings

    /** The corpus of strings no field accepts (each holds a poison code point or is far too long), then variants. */
    public List<String> trickyStrings(int generated) {
        List<String> strings = new ArrayList<>(List.of(
                "ab\u0000cd",
                "\u0000",
                "ab\u202Ecd",
                "\u202Egnp.exe",
                "a\u200Bb",
                "\uFEFFab",
                "e\u0301\u0301\u0301\u0301",
                "Z\u0336\u0301\u20DD".repeat(5),
                "\uD83D\uDE00\uD83D\uDE00",
                "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                "\uD800",
                "ab\uDC00",
                "\uDBFF\uDBFF",
                "a\nb",
                "a\r\nSet-Cookie: x=1",
                "<script>alert(1)</script>",
                "' OR '1'='1",
                "\"; DROP TABLE bookings; --",
                "../../etc/passwd",
                "${jndi:ldap://127.0.0.1:9/x}",
                "%s%s%s%n",
                "{{7*7}}",
                "a".repeat(10_000),
                "가".repeat(5_000),
                "\uD83D\uDE00".repeat(2_000),
                "\u0301".repeat(3_000),
                "\uFFFF\uFFFE",
                "\uDBFF\uDFFF",
                "\u00A0\u00A0",
                "\u3000\u3000",
                "a\u2028b",
                "\u001B[31mred",
                " leading",
                "trailing ",
                "tab\there"));
        for (int i = 0; i < generated; i++) {
            strings.add(randomTricky());
        }
        return strings;
    }

    /** A random string of plain and poison characters with at least one poison code point. */
    public String randomTricky() {
        int[] lengths = {1, 2, 3, 5, 8, 13, 20, 21, 40, 200, 3_000};
        int length = lengths[random.nextInt(lengths.length)];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (random.nextInt(4) == 0) {
                text.appendCodePoint(poison());
            } else {
                text.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
            }
        }
        int at = random.nextInt(text.length() + 1);
        text.insert(at, Character.toChars(poison()));
        return text.toString();
    }

    private int poison() {
        return POISON[random.nextInt(POISON.length)];
    }

    /**
     * A JSON string literal of {@code text}: quotes, backslashes and control characters escaped, a lone surrogate as
     * its {@code \\uXXXX} escape (it has no UTF-8 form), sometimes every non-ASCII character escaped.
     */
    public String quote(String text) {
        boolean escapeAll = random.nextInt(4) == 0;
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || lone || (escapeAll && c > 0x7E)) {
                json.append(String.format("\\u%04X", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    // ---------------------------------------------------------------- JSON bodies

    public enum Kind {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        ENUM
    }

    /**
     * A field of a JSON object: its valid value (JSON text), whether leaving it out (or null) is an error, and values
     * of the right type that are still refused (out of range).
     */
    public record Field(
            String name,
            Kind kind,
            String validJson,
            boolean required,
            List<String> refusedValues,
            boolean contentFree) {

        public static Field required(String name, Kind kind, String validJson, String... refused) {
            return new Field(name, kind, validJson, true, List.of(refused), false);
        }

        public static Field optional(String name, Kind kind, String validJson, String... refused) {
            return new Field(name, kind, validJson, false, List.of(refused), false);
        }

        /** A text field whose content the service does not judge (only its type): no tricky strings go there. */
        public Field anyText() {
            return new Field(name, kind, validJson, required, refusedValues, true);
        }

        boolean refusesTricky() {
            return (kind == Kind.STRING || kind == Kind.ENUM) && !contentFree;
        }
    }

    /** A bad body and the kind of badness. */
    public record Body(String category, byte[] bytes) {

        Body(String category, String json) {
            this(category, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final Map<Kind, List<String>> WRONG_TYPES = Map.of(
            Kind.STRING, List.of("7", "-1", "1.5", "true", "false", "[]", "[\"a\"]", "{}", "{\"a\":\"b\"}", "1e999"),
            Kind.ENUM, List.of("1", "0", "true", "[]", "[\"NORMAL\"]", "{}", "2.5", "{\"name\":\"NORMAL\"}"),
            Kind.INTEGER, List.of("\"1\"", "\"\"", "1.5", "true", "[]", "[1]", "{}", "\"0x10\"", "1e3", "\"NaN\""),
            Kind.NUMBER, List.of("\"1\"", "\"\"", "true", "[]", "[1]", "{}", "\"Infinity\"", "\"NaN\"", "\"1e3\""),
            Kind.BOOLEAN, List.of("\"true\"", "\"false\"", "1", "0", "\"yes\"", "[]", "{}", "[true]", "\"\""));

    /** JSON that is not JSON, or not one object, whatever the fields. */
    private static final List<String> BROKEN_JSON = List.of(
            "",
            " ",
            "{",
            "}",
            "{{}}",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "{'a':'b'}",
            "{a:1}",
            "{\"a\":1 /* comment */}",
            "// comment\n{}",
            "{\"a\":NaN}",
            "{\"a\":Infinity}",
            "{\"a\":-Infinity}",
            "{\"a\":007}",
            "{\"a\":0x10}",
            "{\"a\":.5}",
            "{\"a\":+1}",
            "{\"a\":\"\\x41\"}",
            "{\"a\":\"\\uZZZZ\"}",
            "{\"a\":\"\\u12\"}",
            "{\"a\":\"unterminated}",
            "{\"a\":\"raw\ttab\"}",
            "{\"a\":\"raw\u0000nul\"}",
            "{\"a\":undefined}",
            "{\"a\":True}",
            "{\"a\":nul}",
            "{}{}",
            "{} []",
            "{}}",
            "{},",
            "nul",
            "tru",
            "\uFEFF\uFEFF{}",
            "[",
            "]",
            "\"",
            "-",
            "1e",
            "1.2.3");

    /**
     * Bad bodies for an object with these fields: broken JSON, other top-level values, each field missing, null,
     * duplicated, of each wrong type, tricky (for strings), refused values, unknown fields (when the service is
     * strict about them), bodies over the 16 KB limit, then {@code generated} random ones combining those faults.
     */
    public List<Body> bodies(List<Field> fields, boolean refusesUnknownFields, int generated) {
        List<Body> bodies = new ArrayList<>();
        String valid = object(fields, Map.of());
        for (String broken : BROKEN_JSON) {
            bodies.add(new Body("invalid-json", broken));
        }
        for (int i = 0; i < 8; i++) {
            bodies.add(new Body("truncated-json", valid.substring(0, random.nextInt(valid.length()))));
        }
        bodies.add(new Body("invalid-json", nested(3_000, '[', ']')));
        bodies.add(new Body("invalid-json", "{\"a\":" + nested(3_000, '{', '}') + "}"));
        bodies.add(new Body("invalid-json", "[".repeat(15_000)));
        bodies.add(new Body("invalid-json", "{\"a\":" + "9".repeat(15_000) + "}"));
        bodies.add(new Body("invalid-utf8", bytes(valid.substring(0, valid.length() - 1), 0xC3, 0x28, '}')));
        bodies.add(new Body("invalid-utf8", bytes("{\"x\":\"", 0xFF, 0xFE, 0xFD, '"', '}')));
        bodies.add(new Body("invalid-utf8", bytes("{\"x\":\"", 0xED, 0xA0, 0x80, '"', '}')));
        bodies.add(new Body("invalid-utf8", bytes("{\"x\":\"", 0xC0, 0xAE, '"', '}')));
        bodies.add(new Body("random-bytes", randomBytes(64)));
        bodies.add(new Body("random-bytes", randomBytes(2_000)));
        for (String top : List.of(
                "[]",
                "[" + valid + "]",
                "\"" + valid.replace("\"", "\\\"") + "\"",
                "1",
                "true",
                "null",
                "[null]",
                "{\"data\":" + valid + "}")) {
            bodies.add(new Body("wrong-top-level", top));
        }
        for (Field field : fields) {
            for (String wrong : WRONG_TYPES.get(field.kind())) {
                bodies.add(new Body("wrong-type", object(fields, Map.of(field.name(), wrong))));
            }
            for (String refused : field.refusedValues()) {
                bodies.add(new Body("refused-value", object(fields, Map.of(field.name(), refused))));
            }
            if (field.required()) {
                bodies.add(new Body("missing-field", object(fields, Map.of(field.name(), MISSING))));
                bodies.add(new Body("null-field", object(fields, Map.of(field.name(), "null"))));
            }
            bodies.add(new Body("duplicated-field", duplicated(fields, field, field.validJson())));
            bodies.add(new Body(
                    "duplicated-field",
                    duplicated(fields, field, WRONG_TYPES.get(field.kind()).get(0))));
            if (field.refusesTricky()) {
                for (String tricky : trickyStrings(0)) {
                    bodies.add(new Body("tricky-string", object(fields, Map.of(field.name(), quote(tricky)))));
                }
            }
        }
        if (fields.stream().anyMatch(Field::required)) {
            bodies.add(new Body("missing-field", "{}"));
        }
        if (refusesUnknownFields) {
            for (String extra : List.of("\"extra\":1", "\"__proto__\":{}", "\"\":\"\"", "\"a\\u0000\":1")) {
                bodies.add(new Body("unknown-field", valid.substring(0, valid.length() - 1) + "," + extra + "}"));
            }
        }
        bodies.addAll(tooLarge(fields));
        for (int i = 0; i < generated; i++) {
            bodies.add(new Body("generated", generatedBody(fields)));
        }
        return bodies;
    }

    /** Bodies over 16 KB: one long string, padding whitespace around a valid object, many fields, a deep array. */
    public List<Body> tooLarge(List<Field> fields) {
        String valid = object(fields, Map.of());
        Field first = fields.get(0);
        return List.of(
                new Body("huge-body", object(fields, Map.of(first.name(), quote("x".repeat(17 * 1024))))),
                new Body("huge-body", object(fields, Map.of(first.name(), quote("가".repeat(64 * 1024))))),
                new Body("huge-body", valid + " ".repeat(20 * 1024)),
                new Body("huge-body", " ".repeat(20 * 1024) + valid),
                new Body("huge-body", "{\"pad\":\"" + "p".repeat(1024 * 1024) + "\"}"),
                new Body("huge-body", manyFields(3_000)),
                new Body("huge-body", "[" + "1,".repeat(10_000) + "1]"));
    }

    private static final String MISSING = "\u0000missing";

    /** The object with the valid values, except where {@code overrides} says (JSON text, or {@link #MISSING}). */
    public static String object(List<Field> fields, Map<String, String> overrides) {
        StringBuilder json = new StringBuilder("{");
        for (Field field : fields) {
            String value = overrides.getOrDefault(field.name(), field.validJson());
            if (MISSING.equals(value)) {
                continue;
            }
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(field.name()).append("\":").append(value);
        }
        return json.append('}').toString();
    }

    private static String duplicated(List<Field> fields, Field field, String second) {
        String valid = object(fields, Map.of());
        return valid.substring(0, valid.length() - 1) + ",\"" + field.name() + "\":" + second + "}";
    }

    /** A random body with one to three faults, each of which alone makes it invalid. */
    private String generatedBody(List<Field> fields) {
        Map<String, String> overrides = new LinkedHashMap<>();
        int faults = 1 + random.nextInt(3);
        boolean invalid = false;
        for (int i = 0; i < faults; i++) {
            Field field = fields.get(random.nextInt(fields.size()));
            switch (random.nextInt(4)) {
                case 0 -> {
                    List<String> wrong = WRONG_TYPES.get(field.kind());
                    overrides.put(field.name(), wrong.get(random.nextInt(wrong.size())));
                    invalid = true;
                }
                case 1 -> {
                    if (field.refusesTricky()) {
                        overrides.put(field.name(), quote(randomTricky()));
                        invalid = true;
                    }
                }
                case 2 -> {
                    if (!field.refusedValues().isEmpty()) {
                        overrides.put(
                                field.name(),
                                field.refusedValues()
                                        .get(random.nextInt(
                                                field.refusedValues().size())));
                        invalid = true;
                    }
                }
                default -> {
                    if (field.required()) {
                        overrides.put(field.name(), random.nextBoolean() ? MISSING : "null");
                        invalid = true;
                    }
                }
            }
        }
        String json = object(fields, overrides);
        if (!invalid || random.nextInt(5) == 0) {
            // cut it short: whatever else it holds, it is no longer JSON
            json = json.substring(0, 1 + random.nextInt(json.length() - 1));
        }
        return json;
    }

    private static String nested(int depth, char open, char close) {
        return String.valueOf(open).repeat(depth) + String.valueOf(close).repeat(depth);
    }

    private static String manyFields(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        }
        return json.append('}').toString();
    }

    private static byte[] bytes(String prefix, int... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        for (int b : more) {
            out.write(b);
        }
        return out.toByteArray();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xFF; // never a valid start of JSON text
        return bytes;
    }

    // ---------------------------------------------------------------- media types

    /** Content types a JSON endpoint refuses, each sent with an otherwise valid body. */
    public static List<String> wrongContentTypes() {
        return List.of(
                "text/plain",
                "text/html",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "multipart/form-data",
                "multipart/mixed",
                "multipart/",
                "application/octet-stream",
                "image/png",
                "application/x-java-serialized-object",
                "application/yaml",
                "text/json-ish",
                "garbage",
                "/",
                "application/",
                ";;;",
                "application/json-patch");
    }

    // ---------------------------------------------------------------- path segments

    /** Path segments as they go on the wire (already percent-encoded where meant to be), then random ones. */
    public List<String> pathSegments(int generated) {
        List<String> segments = new ArrayList<>(List.of(
                "..%2F..%2Fetc%2Fpasswd",
                "%2e%2e%2f%2e%2e%2fadmin",
                "%2E%2E",
                "..%5C..%5Cwindows",
                "a%00b",
                "%00",
                "%2500",
                "%252e%252e%252f",
                "%E2%80%AE",
                "%F0%9F%8E%AB",
                "%EC%A2%8C%EC%84%9D",
                "%EF%BB%BF",
                "%C0%AE%C0%AE",
                "%ED%A0%80",
                "%FF%FE%FD",
                "%0D%0ASet-Cookie:%20x=1",
                "%20",
                "%09",
                "+",
                "%27%20OR%201=1--",
                "%3Cscript%3E",
                "%24%7Bjndi:ldap:%2F%2F127.0.0.1:9%2Fx%7D",
                "*",
                "~",
                "!$&'()*+,=",
                "x".repeat(7_000),
                "%41".repeat(2_000),
                "0",
                "-1",
                "99999999999999999999999",
                "null",
                "undefined",
                "NaN",
                "true",
                "20261124T101500Z-" + "A".repeat(21) + "%00",
                "20261124T101500Z-" + "A".repeat(200)));
        for (int i = 0; i < generated; i++) {
            segments.add(encode(randomTricky()));
        }
        return segments;
    }

    /** Percent-encodes every byte that is not unreserved, so the server sees exactly these UTF-8 bytes. */
    public static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    /** Paths the HTTP server refuses before routing: raw non-ASCII or control bytes, over its request-line limit. */
    public static List<String> refusedTargets(String prefix) {
        return List.of(
                prefix + "%",
                prefix + "%zz",
                prefix + "%G1",
                prefix + "a b",
                prefix + "\u00e9\u00e9",
                prefix + "\u202E",
                prefix + "x".repeat(70_000));
    }

    // ---------------------------------------------------------------- headers

    /** Headers that do not change what a request means but have tripped servers up; each added to a bad request. */
    public List<List<String[]>> headerAbuse() {
        List<List<String[]>> sets = new ArrayList<>();
        for (String chain : List.of(
                "garbage",
                "unknown",
                "unknown, 203.0.113.9",
                "203.0.113.9, , ,",
                ",,,",
                "999.999.999.999",
                "1.2.3.4.5",
                "::ffff:127.0.0.1",
                "[::1]",
                "::1, ::1, ::1",
                "fe80::1%eth0",
                "localhost",
                "evil.example.com",
                "203.0.113.9:80",
                "-1",
                "0",
                "\u00e9\u00e9",
                String.join(", ", java.util.Collections.nCopies(500, "127.0.0.1")),
                String.join(", ", java.util.Collections.nCopies(300, "203.0.113.9")),
                "2001:db8::1, 127.0.0.1",
                "1" + "1".repeat(5_000))) {
            sets.add(List.<String[]>of(h("X-Forwarded-For", chain)));
        }
        sets.add(List.<String[]>of(h("X-Forwarded-For", "203.0.113.1"), h("X-Forwarded-For", "garbage")));
        for (String viewer : List.of(
                "203.0.113.9",
                "203.0.113.9:99999",
                "203.0.113.9:-1",
                "203.0.113.9:99999999999999999999",
                "[::1]:x",
                ":443",
                "a:1",
                "[2001:db8::1",
                "2001:db8::1:443",
                "localhost:443",
                "")) {
            sets.add(List.<String[]>of(h("CloudFront-Viewer-Address", viewer)));
        }
        sets.add(List.<String[]>of(
                h("CloudFront-Viewer-Address", "203.0.113.9:1"), h("CloudFront-Viewer-Address", "1.1.1.1:2")));
        sets.add(List.<String[]>of(h("Forwarded", "for=\"[::1]:x\";proto=gopher;host=evil")));
        sets.add(List.<String[]>of(h("X-Forwarded-Host", "evil.example.com"), h("X-Forwarded-Proto", "gopher")));
        sets.add(List.<String[]>of(h("X-Forwarded-Port", "99999999")));
        sets.add(List.<String[]>of(h("X-Real-IP", "garbage")));
        sets.add(List.<String[]>of(h("Accept-Charset", "utf-7")));
        sets.add(List.<String[]>of(h("Accept-Language", "xx-" + "y".repeat(2_000))));
        sets.add(List.<String[]>of(h("Accept-Encoding", "gzip;q=garbage, br;q=2")));
        sets.add(List.<String[]>of(h("Cookie", "a=" + "b".repeat(4_000))));
        sets.add(List.<String[]>of(h("If-None-Match", "\"" + "x".repeat(3_000) + "\"")));
        sets.add(List.<String[]>of(h("Range", "bytes=0-0,0-0,0-0,0-0")));
        sets.add(List.<String[]>of(h("Expect", "100-continue-please")));
        sets.add(List.<String[]>of(h("X-HTTP-Method-Override", "DELETE")));
        sets.add(List.<String[]>of(h("Origin", "null")));
        sets.add(List.<String[]>of(h("Content-Encoding", "gzip")));
        sets.add(List.<String[]>of(h("X-Request-Id", "\u202E" + "z".repeat(1_000))));
        List<String[]> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(h("X-Junk-" + i, "v".repeat(40)));
        }
        sets.add(many);
        return sets;
    }

    /** Header sections the HTTP server itself refuses: too large, a control byte or a broken line. */
    public static List<List<String[]>> refusedHeaders() {
        List<String[]> tooMany = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            tooMany.add(h("X-Junk-" + i, "v".repeat(100)));
        }
        return List.of(
                List.<String[]>of(h("X-Junk", "a".repeat(70_000))),
                List.<String[]>of(h("Authorization", "Bearer " + "a".repeat(70_000))),
                tooMany,
                List.<String[]>of(h("X-Junk", "a\u0000b")),
                List.<String[]>of(h("X-Junk", "a\u0001b")),
                List.<String[]>of(h("Bad Header", "x")),
                List.<String[]>of(h("", "x")),
                List.<String[]>of(h("X-Junk\u00e9", "x")),
                List.<String[]>of(h("Content-Length", "-1")),
                List.<String[]>of(h("Content-Length", "abc")),
                List.<String[]>of(h("Content-Length", "99999999999999999999999")),
                List.<String[]>of(h("Content-Length", "1"), h("Content-Length", "2")),
                List.<String[]>of(h("Host", "a.example"), h("Host", "b.example")));
    }

    // ---------------------------------------------------------------- credentials

    /**
     * {@code Authorization} values that must not pass for the bearer secret {@code secret}: wrong schemes, near misses
     * of the secret, other secrets, empty and oversized ones, then {@code generated} random mutations of it.
     */
    public List<String> wrongBearers(String secret, List<String> otherSecrets, int generated) {
        List<String> values = new ArrayList<>(List.of(
                "",
                "Bearer",
                "Bearer ",
                "Bearer x",
                "Bearer null",
                "Bearer undefined",
                secret,
                "Basic " + Base64.getEncoder().encodeToString(("ops:" + secret).getBytes(StandardCharsets.UTF_8)),
                "Token " + secret,
                "Bearer " + secret + "x",
                "Bearer x" + secret,
                "Bearer " + secret.substring(0, secret.length() - 1),
                "Bearer " + secret.toUpperCase(java.util.Locale.ROOT),
                "Bearer " + secret + secret,
                "Bearer " + secret.replace('-', '_'),
                "Bearer " + secret + ", Bearer " + secret,
                "Bearer " + secret + "\u00e9",
                "Bearer \u202E" + secret,
                "Bearer " + "a".repeat(4_000),
                "Bearer " + "가".repeat(1_000),
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJvcHMifQ.",
                "Bearer " + secret.replace("t", "\u0442")));
        for (String other : otherSecrets) {
            values.add("Bearer " + other);
        }
        for (int i = 0; i < generated; i++) {
            values.add("Bearer " + mutate(secret));
        }
        return values;
    }

    /** {@code secret} with one to three characters changed, inserted or removed; never {@code secret} itself. */
    public String mutate(String secret) {
        StringBuilder text = new StringBuilder(secret);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(at, (char) ('!' + random.nextInt(94)));
                case 1 -> text.insert(at, (char) ('!' + random.nextInt(94)));
                default -> {
                    if (text.length() > 1) {
                        text.deleteCharAt(at);
                    }
                }
            }
        }
        return text.toString().equals(secret) ? secret + "!" : text.toString();
    }

    public static String[] h(String name, String value) {
        return new String[] {name, value};
    }
}
