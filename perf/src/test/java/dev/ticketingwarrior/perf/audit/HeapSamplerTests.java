package dev.ticketingwarrior.perf.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HeapSamplerTests {

    @Test
    void readsTheHeapOfG1() {
        String info = """
                21530:
                garbage-first heap   total reserved 262144K, committed 150528K, used 43901K [0x00000000f0000000, 0x0000000100000000)
                 region size 1024K, 0 young (0K), 0 survivors (0K)
                 Metaspace       used 60897K, committed 61504K, reserved 1114112K
                  class space    used 7890K, committed 8192K, reserved 1048576K
                """;
        assertThat(HeapSampler.heapUsedMb(info).getAsDouble()).isCloseTo(43901 / 1024.0, within(1e-9));
    }

    @Test
    void addsTheGenerationsOfSerialAndParallel() {
        String serial = """
                21592:
                DefNew     total 78656K, used 1024K [0x00000000f0000000, 0x00000000f5550000, 0x00000000f5550000)
                 eden space 69952K,   0% used [0x00000000f0000000, 0x00000000f0000000, 0x00000000f4450000)
                 from space 8704K,   0% used [0x00000000f4450000, 0x00000000f4450000, 0x00000000f4cd0000)
                Tenured    total 174784K, used 23552K [0x00000000f5550000, 0x0000000100000000, 0x0000000100000000)
                 the  space 174784K,  13% used [0x00000000f5550000, 0x00000000f6c52900, 0x0000000100000000)
                """;
        assertThat(HeapSampler.heapUsedMb(serial).getAsDouble()).isCloseTo(24.0, within(1e-9));
    }

    @Test
    void readsTheHeapOfZgc() {
        assertThat(HeapSampler.heapUsedMb("1:\n ZHeap           used 44M, capacity 256M, max capacity 256M\n")
                        .getAsDouble())
                .isEqualTo(44.0);
    }

    @Test
    void readsAnActuatorMetric() {
        String json = """
                {"name":"jvm.memory.used","description":"The amount of used memory","baseUnit":"bytes",\
                "measurements":[{"statistic":"VALUE","value":5.24288E7}],"availableTags":[]}""";
        assertThat(HeapSampler.actuatorValueMb(json).getAsDouble()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void samplesThisVeryJvm() {
        List<String> notes = new ArrayList<>();
        HeapSample sample = new HeapSampler(notes::add)
                .sample("self", OptionalLong.of(ProcessHandle.current().pid()), Optional.empty());

        assertThat(sample.measured()).as("notes: %s", notes).isTrue();
        assertThat(sample.heapAfterGcMb()).isPositive();
        assertThat(sample.rssMb()).isPresent();
        assertThat(sample.rssMb().getAsDouble()).isGreaterThan(sample.heapAfterGcMb());
    }

    @Test
    void readsTheHeapWithJcmdWithoutANoteWhenTheActuatorDoesNotAnswer() {
        List<String> notes = new ArrayList<>();
        HeapSample sample = new HeapSampler(notes::add)
                .sampleLocal("self", ProcessHandle.current().pid(), Optional.of(URI.create("http://127.0.0.1:1")));

        assertThat(sample.measured()).isTrue();
        assertThat(notes).isEmpty();
    }

    @Test
    void neverThrowsForWhatItCannotReach() {
        List<String> notes = new ArrayList<>();
        HeapSample sample = new HeapSampler(notes::add).sampleRemote("gone", URI.create("http://127.0.0.1:1"));

        assertThat(sample.measured()).isFalse();
        assertThat(sample.rssMb()).isEmpty();
        assertThat(notes).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("heap gone:"));
    }
}
