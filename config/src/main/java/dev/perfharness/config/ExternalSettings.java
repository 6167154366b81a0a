package dev.perfharness.config;

import java.util.Optional;

/** Endpoints of the external environment beside Redis. */
public record ExternalSettings(Optional<String> dockerHost, Optional<String> kubeconfig) {
}
