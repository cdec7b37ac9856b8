package dev.ticketingwarrior.perf.faults;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The targets behind a {@link Balancer}, as a load balancer's target group keeps them: a target takes new connections
 * while it is registered and its readiness check passes; draining takes it out of rotation for new connections only
 * (those it has go on until it closes them), as an ALB does during a deregistration delay before ECS stops a task.
 * Each target's readiness ({@code GET <path>}, 200) is checked every interval; two failures in a row take it out of
 * rotation, two passes put it back. New connections go round the targets in rotation; with none in rotation they go
 * round every registered target (a target group fails open when no target is healthy).
 *
 * <p>With a slow start, a target that becomes healthy while another one is in service (a replacement joining a
 * running group) takes a share of the new connections that grows linearly from none to a full one over that time,
 * as an ALB target group's slow start mode ramps its share of the requests: a new JVM has compiled nothing yet.
 */
public final class Rotation implements Upstreams, AutoCloseable {

    private static final int THRESHOLD = 2;
    /** No slow start (a {@code slowStartSince} that {@link System#nanoTime()} does not give in practice). */
    private static final long NONE = Long.MIN_VALUE;
    /** A check's time limit: an instance busy starting (JIT, a full GC) answers late, and late is not down. */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, Member> members = new LinkedHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Settings settings;
    private final Consumer<HealthChange> changes;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CHECK_TIMEOUT).build();
    private final Thread checker = Thread.ofVirtual().unstarted(this::checkUntilClosed);

    /**
     * How the group checks and ramps up its targets, as an ALB target group's health check and slow start: readiness is
     * {@code GET checkPath} answering 200, asked every {@code checkInterval}; {@code slowStart} zero for none.
     */
    public record Settings(String checkPath, Duration checkInterval, Duration slowStart) {
        public Settings {
            if (!checkPath.startsWith("/")) {
                throw new IllegalArgumentException("a check path starts with /: " + checkPath);
            }
            if (checkInterval.isNegative() || checkInterval.isZero() || slowStart.isNegative()) {
                throw new IllegalArgumentException(
                        "a check interval above zero and a slow start of zero or more: " + this);
            }
        }
    }

    /**
     * A registered target's checks took it out of rotation or put it back ({@value THRESHOLD} results in a row), as an
     * ALB's target health changes; the health a target has when it is registered is not a change. {@code draining}: it
     * was being drained then (an instance on its way out, stopping).
     */
    public record HealthChange(String target, String hostAndPort, boolean inService, boolean draining) {}

    private Rotation(Settings settings, Consumer<HealthChange> changes) {
        this.settings = settings;
        this.changes = changes;
    }

    /**
     * Checks each target as {@code settings} say; a target is in rotation once its first check passed. Every later
     * change of a target's health goes to {@code changes}, on the checker's thread.
     */
    public static Rotation start(Settings settings, Consumer<HealthChange> changes) {
        Rotation rotation = new Rotation(settings, changes);
        rotation.checker.start();
        return rotation;
    }

    /** Registers {@code name} at {@code address} (replacing what had that name); checked before it takes connections. */
    public void register(String name, InetSocketAddress address) {
        Member member = new Member(name, address);
        boolean healthy = check(member);
        synchronized (members) {
            members.put(name, member);
        }
        health(member, healthy);
    }

    /** {@code name} takes no new connections from now on; the ones it has go on. */
    public void drain(String name) {
        member(name).draining = true;
    }

    /** {@code name} leaves the group. */
    public void deregister(String name) {
        synchronized (members) {
            if (members.remove(name) == null) {
                throw new IllegalArgumentException("no target " + name);
            }
        }
    }

    @Override
    public List<InetSocketAddress> forNewConnection() {
        List<Member> registered;
        synchronized (members) {
            registered = members.values().stream().filter(m -> !m.draining).toList();
        }
        List<Member> inRotation = registered.stream().filter(m -> m.healthy).toList();
        List<Member> candidates = inRotation.isEmpty() ? registered : inRotation;
        List<Member> order = new ArrayList<>(candidates.size());
        int start = candidates.isEmpty() ? 0 : Math.floorMod(next.getAndIncrement(), candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            order.add(candidates.get((start + i) % candidates.size()));
        }
        // a target in its slow start passes its turn to the next one but for its share; it stays a fallback
        if (order.size() > 1
                && ThreadLocalRandom.current().nextDouble() >= order.getFirst().share(settings.slowStart())) {
            order.add(order.removeFirst());
        }
        if (!order.isEmpty()) {
            order.getFirst().connections.incrementAndGet();
        }
        return order.stream().map(m -> m.address).toList();
    }

    /**
     * One line a target: {@code name host:port in-service|out-of-service|draining}, then how many new connections it
     * was given first (a scaled-out instance's share of the load).
     */
    public String describe() {
        StringJoiner lines = new StringJoiner("\n", "", "\n");
        synchronized (members) {
            members.values()
                    .forEach(m -> lines.add(m.name + " " + m.hostAndPort() + " "
                            + (m.draining ? "draining" : m.healthy ? "in-service" : "out-of-service")
                            + (m.healthy && m.share(settings.slowStart()) < 1 ? " (slow start)" : "")
                            + ", " + m.connections.get() + " connections"));
        }
        return lines.toString();
    }

    @Override
    public void close() {
        checker.interrupt();
    }

    private Member member(String name) {
        synchronized (members) {
            Member member = members.get(name);
            if (member == null) {
                throw new IllegalArgumentException("no target " + name);
            }
            return member;
        }
    }

    private void checkUntilClosed() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(settings.checkInterval());
            } catch (InterruptedException e) {
                return;
            }
            List<Member> all;
            synchronized (members) {
                all = List.copyOf(members.values());
            }
            for (Member member : all) {
                boolean passed = check(member);
                if (member.flipsOn(passed)) {
                    health(member, passed);
                    changes.accept(new HealthChange(member.name, member.hostAndPort(), passed, member.draining));
                }
            }
        }
    }

    /**
     * Marks {@code member} healthy or not. Becoming healthy while another target is in service starts its slow start;
     * with none in service it takes its full share at once.
     */
    private void health(Member member, boolean healthy) {
        if (healthy) {
            boolean another;
            synchronized (members) {
                another = members.values().stream().anyMatch(m -> m != member && m.healthy && !m.draining);
            }
            member.slowStartSince = another ? System.nanoTime() : NONE;
        }
        member.healthy = healthy;
    }

    private boolean check(Member member) {
        URI uri = URI.create("http://" + member.hostAndPort() + settings.checkPath());
        try {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(uri).timeout(CHECK_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static final class Member {
        private final String name;
        private final InetSocketAddress address;
        /** New connections it was given first (the proxy moves on to the next target only when it cannot connect). */
        private final AtomicLong connections = new AtomicLong();

        private volatile boolean healthy;
        private volatile boolean draining;
        /** When its slow start began ({@link System#nanoTime()}), or {@link Rotation#NONE}. */
        private volatile long slowStartSince = NONE;

        private int streak;

        Member(String name, InetSocketAddress address) {
            this.name = name;
            this.address = address;
        }

        String hostAndPort() {
            String host = address.isUnresolved()
                    ? address.getHostString()
                    : address.getAddress().getHostAddress();
            return host + ":" + address.getPort();
        }

        /** Its share of a full target's connections now: 1 but during its slow start. */
        double share(Duration slowStart) {
            if (slowStartSince == NONE || slowStart.isZero()) {
                return 1;
            }
            return Math.min(1, (System.nanoTime() - slowStartSince) / (double) slowStart.toNanos());
        }

        /** Called by the checker only: whether {@value THRESHOLD} results in a row now went against its state. */
        boolean flipsOn(boolean passed) {
            if (passed == healthy) {
                streak = 0;
                return false;
            }
            if (++streak < THRESHOLD) {
                return false;
            }
            streak = 0;
            return true;
        }
    }
}
