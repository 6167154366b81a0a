package dev.perfharness.sut.images;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The work both auth variants share and the cache saves: the registry's {@code AuthConfig} from the
 * configured user and password, serialised to JSON and base64url-encoded into the {@code X-Registry-Auth}
 * header, the way the engine-ci seed's {@code registryAuthBase64} does it per image.
 *
 * <p>Each computation counts in {@code registry_auth_computations_total{auth}}.
 */
final class AuthComputation {
    /** A plain mapper: AuthConfig's Jackson annotations give the engine's field names (username, serveraddress, ...). */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String username;
    private final String password;
    private final Counter computations;
    private final String variant;

    AuthComputation(String username, String password, String variant, MeterRegistry meters) {
        this.username = username;
        this.password = password;
        this.variant = variant;
        this.computations = Counter.builder("registry.auth.computations")
                .description("registry auth headers computed (AuthConfig built, serialised and encoded)")
                .tag("auth", variant)
                .register(meters);
    }

    RegistryCredentials compute(String registry) {
        AuthConfig config = new AuthConfig()
                .withUsername(username)
                .withPassword(password)
                .withRegistryAddress(registry);
        try {
            String header = Base64.getUrlEncoder().encodeToString(JSON.writeValueAsBytes(config));
            computations.increment();
            return new RegistryCredentials(config, header);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode the auth of registry " + registry, e);
        }
    }

    String variant() {
        return variant;
    }
}
