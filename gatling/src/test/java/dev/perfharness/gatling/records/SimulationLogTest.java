package dev.perfharness.gatling.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationLogTest {
    private static final long START = 1_764_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void readsTheHeaderAndEveryKindOfRecord() throws IOException {
        SimulationLogBytes bytes = SimulationLogBytes.header(SimulationLog.SUPPORTED_GATLING_VERSION, "sim.PullSim", START,
                        "nightly run", List.of("polling", "watching"))
                .user(0, true, 5)
                .request(List.of(), "pull-active", 10, 22, true, "")
                .group(List.of("login"), 10, 40, 25, true)
                .request(List.of(), "pull-active", 30, 95, false, "status.find.is(200), found 500")
                .request(List.of(), "update", 40, 41, true, "")
                .error("close: Client issued close order but WebSocket was already crashed", 50)
                .user(1, false, 60);

        SimulationLog log = SimulationLog.read(write(bytes));

        assertThat(log.gatlingVersion()).isEqualTo("3.15.1");
        assertThat(log.simulationClass()).isEqualTo("sim.PullSim");
        assertThat(log.startEpochMillis()).isEqualTo(START);
        assertThat(log.description()).isEqualTo("nightly run");
        assertThat(log.scenarios()).containsExactly("polling", "watching");
        assertThat(log.requests()).containsExactly(
                new RequestRecord(List.of(), "pull-active", START + 10, START + 22, true, ""),
                new RequestRecord(List.of(), "pull-active", START + 30, START + 95, false, "status.find.is(200), found 500"),
                new RequestRecord(List.of(), "update", START + 40, START + 41, true, ""));
        assertThat(log.requests().get(1).responseMillis()).isEqualTo(65);
        assertThat(log.users()).containsExactly(new UserRecord(0, true, START + 5), new UserRecord(1, false, START + 60));
        assertThat(log.errors()).containsExactly(
                new ErrorRecord("close: Client issued close order but WebSocket was already crashed", START + 50));
    }

    @Test
    void cachedStringsAreResolvedWhereverTheyAreReferenced() throws IOException {
        // "shared" is defined in a group path, then referred to as a request name and as a KO message.
        SimulationLogBytes bytes = SimulationLogBytes.header(START, List.of("s"))
                .request(List.of("shared"), "first", 0, 1, true, "")
                .request(List.of(), "shared", 1, 2, false, "shared")
                .request(List.of(), "first", 2, 3, true, "");

        List<RequestRecord> requests = SimulationLog.read(write(bytes)).requests();

        assertThat(requests).extracting(RequestRecord::name).containsExactly("first", "shared", "first");
        assertThat(requests.get(0).groups()).containsExactly("shared");
        assertThat(requests.get(1).message()).isEqualTo("shared");
        assertThat(requests.get(2).message()).isEmpty();
    }

    @Test
    void decodesUtf16AndLatin1Strings() throws IOException {
        SimulationLogBytes bytes = SimulationLogBytes.header(SimulationLog.SUPPORTED_GATLING_VERSION, "sim.Sim", START,
                        "Lauf über 延迟", List.of("café"))
                .request(List.of("組"), "pull→active 延迟", 0, 3, true, "");

        SimulationLog log = SimulationLog.read(write(bytes));

        assertThat(log.description()).isEqualTo("Lauf über 延迟");
        assertThat(log.scenarios()).containsExactly("café");
        assertThat(log.requests().getFirst().name()).isEqualTo("pull→active 延迟");
        assertThat(log.requests().getFirst().groups()).containsExactly("組");
    }

    @Test
    void readsNestedGroupsAndSkipsGroupRecords() throws IOException {
        SimulationLogBytes bytes = SimulationLogBytes.header(START, List.of("s"))
                .request(List.of("outer", "inner"), "a", 0, 5, true, "")
                .group(List.of("outer", "inner"), 0, 6, 5, true)
                .group(List.of("outer"), 0, 7, 5, false)
                .request(List.of("outer", "inner"), "b", 7, 9, true, "")
                .request(List.of("outer"), "c", 9, 12, true, "");

        List<RequestRecord> requests = SimulationLog.read(write(bytes)).requests();

        assertThat(requests).extracting(RequestRecord::groups).containsExactly(
                List.of("outer", "inner"), List.of("outer", "inner"), List.of("outer"));
        assertThat(requests).extracting(RequestRecord::name).containsExactly("a", "b", "c");
    }

    @Test
    void refusesALogOfAnotherGatlingVersion() throws IOException {
        Path file = write(SimulationLogBytes.header("3.14.0", "sim.Sim", START, "", List.of("s")));

        assertThatThrownBy(() -> SimulationLog.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("Gatling '3.14.0'")
                .hasMessageContaining("only logs of Gatling 3.15.1");
    }

    @Test
    void namesTheOffsetWhereATruncatedFileEnds() throws IOException {
        SimulationLogBytes bytes = SimulationLogBytes.header(START, List.of("s")).user(0, true, 1);
        int requestStart = bytes.size();
        bytes.request(List.of(), "a", 0, 5, true, "");
        int cut = requestStart + 7;
        Path file = write(Arrays.copyOf(bytes.toByteArray(), cut));

        assertThatThrownBy(() -> SimulationLog.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + " at byte offset " + cut + ": the file is truncated")
                .hasMessageContaining("the request record starting at byte offset " + requestStart);
    }

    @Test
    void everyCutInsideARecordIsReportedAsTruncated() throws IOException {
        SimulationLogBytes bytes = SimulationLogBytes.header(START, List.of("s"));
        int headerEnd = bytes.size();
        bytes.request(List.of("g"), "name", 0, 5, false, "boom");
        byte[] whole = bytes.toByteArray();
        for (int cut = 1; cut < whole.length; cut++) {
            if (cut == headerEnd) {
                continue; // a log that ends right after its header is a valid, empty one
            }
            Path file = write(Arrays.copyOf(whole, cut));
            int at = cut;
            assertThatThrownBy(() -> SimulationLog.read(file))
                    .as("cut at %d", cut)
                    .hasMessageContaining("at byte offset " + at + ": the file is truncated");
        }
    }

    @Test
    void refusesAnUnknownRecordHeader() throws IOException {
        SimulationLogBytes bytes = SimulationLogBytes.header(START, List.of("s")).user(0, true, 1);
        int at = bytes.size();
        bytes.rawByte(7).rawInt(0);
        Path file = write(bytes);

        assertThatThrownBy(() -> SimulationLog.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + " at byte offset " + at
                        + ": unknown record header 0x07 (known: 0x01 request, 0x02 user, 0x03 group, 0x04 error)");
    }

    @Test
    void refusesAReferenceToAStringNeverDefined() throws IOException {
        SimulationLogBytes bytes = SimulationLogBytes.header(START, List.of("s")).request(List.of(), "a", 0, 1, true, "");
        int referenceAt = bytes.size() + 1 + 4;
        bytes.rawByte(1).rawInt(0).rawInt(-5);
        Path file = write(bytes);

        assertThatThrownBy(() -> SimulationLog.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + " at byte offset " + referenceAt
                        + ": cached string reference -5 names no string defined before it");
    }

    @Test
    void refusesAUserOfAScenarioNotInTheHeader() throws IOException {
        SimulationLogBytes bytes = SimulationLogBytes.header(START, List.of("only"));
        int at = bytes.size() + 1;
        Path file = write(bytes.user(1, true, 0));

        assertThatThrownBy(() -> SimulationLog.read(file))
                .hasMessage(file + " at byte offset " + at + ": a user record names scenario index 1,"
                        + " but the header lists 1 scenario(s)");
    }

    @Test
    void refusesAFileThatIsNoBinarySimulationLog() throws IOException {
        Path text = dir.resolve("old.log");
        Files.writeString(text, "RUN\tsim.Sim\tsim\t1764000000000\t \t2.0\n", StandardCharsets.UTF_8);
        Path empty = Files.createFile(dir.resolve("empty.log"));

        assertThatThrownBy(() -> SimulationLog.read(text))
                .hasMessage(text + " is not a Gatling binary simulation.log: its first byte is 0x52 where a run header (0x00) starts");
        assertThatThrownBy(() -> SimulationLog.read(empty)).hasMessage(empty + " is empty, not a Gatling simulation.log");
    }

    private Path write(SimulationLogBytes bytes) throws IOException {
        return write(bytes.toByteArray());
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "simulation", ".log");
        Files.write(file, bytes);
        return file;
    }
}
