package dev.perfharness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostAndPortTest {
    @Test
    void parsesPlainUriAndBracketedForms() {
        assertThat(HostAndPort.parse("127.0.0.1:6379")).isEqualTo(new HostAndPort("127.0.0.1", 6379));
        assertThat(HostAndPort.parse("redis://cache:6380")).isEqualTo(new HostAndPort("cache", 6380));
        assertThat(HostAndPort.parse("[::1]:6379")).isEqualTo(new HostAndPort("::1", 6379));
        assertThat(new HostAndPort("::1", 6379)).hasToString("[::1]:6379");
    }

    @Test
    void refusesWhatIsNotHostAndPort() {
        assertThatThrownBy(() -> HostAndPort.parse("localhost")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> HostAndPort.parse("localhost:http")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> HostAndPort.parse("localhost:0")).hasMessageContaining("port 0");
    }
}
