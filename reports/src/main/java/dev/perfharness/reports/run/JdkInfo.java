package dev.perfharness.reports.run;

/**
 * The JDK that ran the harness (and, through it, the JMH forks, the service and Gatling).
 *
 * @param version {@code java.runtime.version}, e.g. {@code 25.0.1+8-LTS}
 * @param vendor  {@code java.vendor}
 * @param home    {@code java.home}
 */
public record JdkInfo(String version, String vendor, String home) {

    public static JdkInfo current() {
        return new JdkInfo(System.getProperty("java.runtime.version", Runtime.version().toString()), System.getProperty("java.vendor"),
                System.getProperty("java.home"));
    }
}
