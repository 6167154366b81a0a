package dev.perfharness.profiles;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Another JVM, attached with the JDK attach API, that runs async-profiler commands by loading the
 * library as an agent with the command as its options. The agent prints its messages in the target's
 * output, which the harness may not see, so every command logs to a file of its own, read back on failure.
 */
final class AttachedJvm implements AutoCloseable {
    private final long pid;
    private final String description;
    private final VirtualMachine vm;
    private final Path library;
    private final Path logDir;
    private int commands;

    private AttachedJvm(long pid, String description, VirtualMachine vm, Path library, Path logDir) {
        this.pid = pid;
        this.description = description;
        this.vm = vm;
        this.library = library;
        this.logDir = logDir;
    }

    /**
     * @param logDir a folder the target can write to (it writes the logs itself)
     * @throws ProfilingException when the pid is no process, is this JVM, or is not a JVM this user can attach to
     */
    static AttachedJvm attach(long pid, Path library, Path logDir) {
        if (pid <= 0) {
            throw new ProfilingException("pid " + pid + " is not a process id");
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new ProfilingException("pid " + pid + " is this harness JVM itself; profile another JVM");
        }
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new ProfilingException("no process with pid " + pid));
        String description = "pid " + pid + process.info().command().map(command -> " (" + command + ")").orElse("");
        try {
            return new AttachedJvm(pid, description, VirtualMachine.attach(Long.toString(pid)), library, logDir);
        } catch (AttachNotSupportedException e) {
            throw new ProfilingException(description + " is not a JVM this user can attach to: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ProfilingException("cannot attach to " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs one async-profiler command ({@code start,event=cpu}, {@code stop,collapsed,file=...}) in the target.
     *
     * @throws ProfilingException with async-profiler's own message when the target refused it
     */
    void command(String options) {
        Path log = logDir.resolve(".async-profiler-" + ProcessHandle.current().pid() + "-" + (++commands) + ".log");
        try {
            vm.loadAgentPath(library.toString(), options + ",log=" + log);
        } catch (AgentInitializationException e) {
            throw new ProfilingException("async-profiler in " + description + " refused '" + options + "': "
                    + reason(log), e);
        } catch (AgentLoadException e) {
            throw new ProfilingException(description + " cannot load " + library + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ProfilingException("lost the connection to " + description + " during '" + options + "': "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(log);
        }
    }

    /** Stops a session that failed half way, so the target is not left profiling. */
    void stopQuietly() {
        try {
            command("stop");
        } catch (ProfilingException alreadyStoppedOrGone) {
            // nothing more to undo
        }
    }

    long pid() {
        return pid;
    }

    private String reason(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                return text.replace('\n', ' ');
            }
        } catch (IOException e) {
            // the target could not write its log, or wrote none
        }
        return "no reason given (async-profiler's messages went to pid " + pid + "'s own output)";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stray log file in the output folder is harmless
        }
    }

    @Override
    public void close() {
        try {
            vm.detach();
        } catch (IOException e) {
            // the target is gone; nothing is held open on this side
        }
    }
}
