package dev.perfharness.gatling.records;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the binary simulation.log that Gatling's {@code LogFileDataWriter} writes: a run header, then
 * records of one header byte each; big-endian numbers; record times as int milliseconds after the run
 * start. Strictness (booleans must be 0 or 1, scenario indexes must exist) makes a misaligned read fail
 * at the byte where it went wrong instead of producing plausible nonsense further on.
 */
final class SimulationLogReader {
    private static final int RUN = 0;
    private static final int REQUEST = 1;
    private static final int USER = 2;
    private static final int GROUP = 3;
    private static final int ERROR = 4;
    private static final int LATIN1 = 0;
    private static final int UTF16 = 1;
    /** Gatling copies String's internal bytes, whose UTF-16 form is in the writing machine's byte order. */
    private static final Charset UTF16_NATIVE =
            ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;

    private final Path file;
    private final Map<Integer, String> stringCache = new HashMap<>();
    /** Equal group paths share one list: a long run repeats the same few paths millions of times. */
    private final Map<List<String>, List<String>> groupPaths = new HashMap<>();
    private CountingInputStream counter;
    private DataInputStream in;
    private long recordOffset;
    private String recordKind = "run header";

    SimulationLogReader(Path file) {
        this.file = file;
    }

    SimulationLog read() throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            counter = new CountingInputStream(new BufferedInputStream(raw, 1 << 16));
            in = new DataInputStream(counter);
            return readLog();
        } catch (EOFException e) {
            throw corrupt(counter.count(), "the file is truncated: the " + recordKind + " starting at byte offset "
                    + recordOffset + " goes past its end");
        }
    }

    private SimulationLog readLog() throws IOException {
        int first = in.read();
        if (first == -1) {
            throw new IOException(file + " is empty, not a Gatling simulation.log");
        }
        if (first != RUN) {
            throw new IOException(String.format("%s is not a Gatling binary simulation.log: its first byte is 0x%02x"
                    + " where a run header (0x00) starts", file, first));
        }
        String version = readString();
        if (!SimulationLog.SUPPORTED_GATLING_VERSION.equals(version)) {
            throw new IOException(file + " was written by Gatling " + shorten(version) + ", but only logs of Gatling "
                    + SimulationLog.SUPPORTED_GATLING_VERSION + " can be read (the binary format changes between versions)");
        }
        String simulationClass = readString();
        long start = in.readLong();
        String description = readString();
        List<String> scenarios = new ArrayList<>();
        for (int i = 0, n = readCount("scenario count"); i < n; i++) {
            scenarios.add(readString());
        }
        skipAssertions();

        List<RequestRecord> requests = new ArrayList<>();
        List<UserRecord> users = new ArrayList<>();
        List<ErrorRecord> errors = new ArrayList<>();
        while (true) {
            recordOffset = counter.count();
            int header = in.read();
            switch (header) {
                case -1 -> {
                    return new SimulationLog(version, simulationClass, start, description, scenarios, requests, users, errors);
                }
                case REQUEST -> {
                    recordKind = "request record";
                    List<String> groups = readGroups();
                    String name = readCachedString();
                    long requestStart = start + in.readInt();
                    long requestEnd = start + in.readInt();
                    boolean ok = readBoolean();
                    requests.add(new RequestRecord(groups, name, requestStart, requestEnd, ok, readCachedString()));
                }
                case USER -> {
                    recordKind = "user record";
                    long at = counter.count();
                    int scenario = in.readInt();
                    if (scenario < 0 || scenario >= scenarios.size()) {
                        throw corrupt(at, "a user record names scenario index " + scenario + ", but the header lists "
                                + scenarios.size() + " scenario(s)");
                    }
                    boolean userStart = readBoolean();
                    users.add(new UserRecord(scenario, userStart, start + in.readInt()));
                }
                case GROUP -> {
                    recordKind = "group record";
                    readGroups();
                    in.readInt(); // start
                    in.readInt(); // end
                    in.readInt(); // cumulated response time
                    readBoolean();
                }
                case ERROR -> {
                    recordKind = "error record";
                    String message = readCachedString();
                    errors.add(new ErrorRecord(message, start + in.readInt()));
                }
                default -> throw corrupt(recordOffset, String.format("unknown record header 0x%02x"
                        + " (known: 0x01 request, 0x02 user, 0x03 group, 0x04 error)", header));
            }
        }
    }

    /** Assertions are boopickled Scala objects; Gatling re-evaluates them itself, so they are skipped. */
    private void skipAssertions() throws IOException {
        for (int i = 0, n = readCount("assertion count"); i < n; i++) {
            in.skipNBytes(readCount("assertion length"));
        }
    }

    private int readCount(String what) throws IOException {
        long at = counter.count();
        int count = in.readInt();
        if (count < 0) {
            throw corrupt(at, "negative " + what + " " + count);
        }
        return count;
    }

    private List<String> readGroups() throws IOException {
        int count = readCount("group count");
        if (count == 0) {
            return List.of();
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            groups.add(readCachedString());
        }
        return groupPaths.computeIfAbsent(List.copyOf(groups), path -> path);
    }

    /**
     * A positive index defines the string that follows as cache entry {@code index}; a negative one
     * refers back to entry {@code -index}. Gatling numbers entries from 1, so 0 never refers to anything.
     */
    private String readCachedString() throws IOException {
        long at = counter.count();
        int index = in.readInt();
        if (index > 0) {
            String value = readString();
            stringCache.put(index, value);
            return value;
        }
        String cached = stringCache.get(-index);
        if (cached == null) {
            throw corrupt(at, "cached string reference " + index + " names no string defined before it");
        }
        return cached;
    }

    /** Length in bytes, the bytes, then a coder byte; the empty string is a bare 0 length. */
    private String readString() throws IOException {
        long at = counter.count();
        int length = readCount("string length");
        if (length == 0) {
            return "";
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException();
        }
        long coderAt = counter.count();
        int coder = in.readUnsignedByte();
        if (coder == LATIN1) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (coder != UTF16) {
            throw corrupt(coderAt, "unknown string coder " + coder + " (0 = LATIN1, 1 = UTF-16)");
        }
        if (length % 2 != 0) {
            throw corrupt(at, "a UTF-16 string of odd length " + length);
        }
        return new String(bytes, UTF16_NATIVE);
    }

    private boolean readBoolean() throws IOException {
        long at = counter.count();
        int value = in.readUnsignedByte();
        if (value > 1) {
            throw corrupt(at, String.format("a boolean byte 0x%02x, where 0 or 1 was expected", value));
        }
        return value == 1;
    }

    private IOException corrupt(long offset, String problem) {
        return new IOException(file + " at byte offset " + offset + ": " + problem);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? "'" + text.substring(0, 40) + "...'" : "'" + text + "'";
    }

    /** Knows how many bytes were consumed, so errors can name the offset where the file went wrong. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
