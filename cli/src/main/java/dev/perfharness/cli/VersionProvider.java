package dev.perfharness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The harness version (from the build) and the JVM that runs it. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                build.load(in);
            }
        }
        Runtime.Version jvm = Runtime.version();
        return new String[] {
                "perf-harness " + build.getProperty("version", "unknown"),
                "JVM " + jvm + " (" + System.getProperty("java.vm.vendor") + ", " + System.getProperty("java.home") + ")"};
    }
}
