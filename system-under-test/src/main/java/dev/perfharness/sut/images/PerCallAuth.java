package dev.perfharness.sut.images;

/** Seed 002's before: the auth is computed again for every call. */
public final class PerCallAuth implements RegistryAuth {
    private final AuthComputation computation;

    PerCallAuth(AuthComputation computation) {
        this.computation = computation;
    }

    @Override
    public RegistryCredentials forRegistry(String registry) {
        return computation.compute(registry);
    }

    @Override
    public String name() {
        return computation.variant();
    }
}
