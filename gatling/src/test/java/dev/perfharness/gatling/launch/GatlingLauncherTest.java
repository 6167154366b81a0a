package dev.perfharness.gatling.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.gatling.commons.util.StringHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingLauncherTest {
    @TempDir
    Path root;

    private final GatlingLauncher launcher = GatlingLauncher.ofThisJvm();

    @Test
    void startsGatlingWithTheFlagsThatKeepItLocalAndQuiet() {
        GatlingRun run = new GatlingRun("sim.HttpSim", root, Map.of("users", "10", "gatling.http.requestTimeout", "5000"),
                false, "", List.of("-Xmx512m"));

        List<String> command = launcher.command(run, root);

        assertThat(command.getFirst()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(command).containsSubsequence("-Xmx512m", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "-Dgatling.charting.indicators.percentile4=99.9",
                "-Dgatling.http.requestTimeout=5000", "-Dusers=10", "-Dgatling.data.enableAnalytics=false",
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9", "-Djava.util.prefs.userRoot=" + root.resolve(".prefs"));
        assertThat(command).anySatisfy(flag -> assertThat(flag)
                .startsWith("-Dlogback.configurationFile=").endsWith("/" + GatlingLauncher.LOGBACK_RESOURCE));
        assertThat(command.subList(command.indexOf("-cp") + 2, command.size())).containsExactly(
                "io.gatling.app.Gatling", "-s", "sim.HttpSim", "-rf", root.toString(), "-nr");
    }

    @Test
    void passesTheDescriptionBase64EncodedSoGatlingCannotMisreadIt() {
        GatlingRun run = new GatlingRun("sim.HttpSim", root, Map.of(), true, "test über 延迟", List.of());

        List<String> command = launcher.command(run, root);

        String encoded = command.get(command.indexOf("-rd") + 1);
        assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)).isEqualTo("test über 延迟");
        assertThat(command).doesNotContain("-nr");
    }

    @Test
    void refusesToLetARunOverrideWhatTheLauncherEnforces() {
        GatlingRun run = new GatlingRun("sim.HttpSim", root, Map.of("gatling.data.enableAnalytics", "true"), false, "", List.of());

        assertThatThrownBy(() -> launcher.command(run, root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property gatling.data.enableAnalytics is set by the launcher itself"
                        + " and cannot be given for the run of sim.HttpSim");
    }

    @Test
    void refusesAResultsRootWithAnEarlierRunOfTheSameSimulation() throws Exception {
        Path earlier = Files.createDirectory(root.resolve("httpsim-20261124231154087"));
        Files.createDirectory(root.resolve("othersim-20261124231154087"));
        GatlingRun run = new GatlingRun("sim.HttpSim", root, Map.of(), false, "", List.of());

        assertThatThrownBy(() -> launcher.run(run, Duration.ofSeconds(5)))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining(earlier.toString())
                .hasMessageContaining("an earlier run of sim.HttpSim");
        assertThat(root.resolve(GatlingLauncher.CONSOLE_LOG)).doesNotExist();
    }

    @Test
    void derivesTheResultFolderNameAsGatlingDoes() {
        for (String className : List.of("sim.HttpSim", "a.b.Outer$Inner_Sim", "Café2Sim", "dev.x.ÜBER")) {
            String simpleName = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
            assertThat(GatlingLauncher.simulationId(className)).as(className)
                    .isEqualTo(StringHelper.RichString$.MODULE$.clean$extension(simpleName));
        }
        assertThat(GatlingLauncher.simulationId("sim.HttpSim")).isEqualTo("httpsim");
    }

    @Test
    void refusesBadRunsAndLaunchersByName() {
        assertThatThrownBy(() -> new GatlingRun("not a class", root, Map.of(), false, "", List.of()))
                .hasMessage("'not a class' is not a fully qualified class name");
        assertThatThrownBy(() -> new GatlingRun("sim.S", root, Map.of("a=b", "c"), false, "", List.of()))
                .hasMessage("system property name 'a=b' is empty or holds '=' or a space");
        assertThatThrownBy(() -> new GatlingRun("sim.S", root, Map.of(), false, "", List.of("Xmx1g")))
                .hasMessage("JVM flag 'Xmx1g' does not start with '-'");
        assertThatThrownBy(() -> new GatlingLauncher(root.resolve("no-java"), "x.jar"))
                .hasMessage("the java executable " + root.resolve("no-java") + " does not exist or cannot be run");
        assertThatThrownBy(() -> launcher.run(new GatlingRun("sim.S", root, Map.of(), false, "", List.of()), Duration.ZERO))
                .hasMessage("the timeout must be positive, not PT0S");
    }
}
