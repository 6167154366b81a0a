package dev.perfharness.sut.images;

import com.github.dockerjava.api.model.AuthConfig;

/**
 * What one computation of a registry's auth yields.
 *
 * @param config  what docker-java's commands take ({@code withAuthConfig})
 * @param header  the {@code X-Registry-Auth} value for it: base64url of its JSON, as the engine reads it
 */
public record RegistryCredentials(AuthConfig config, String header) {
}
