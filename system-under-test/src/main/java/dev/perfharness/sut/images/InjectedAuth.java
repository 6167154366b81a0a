package dev.perfharness.sut.images;

import dev.perfharness.sut.inject.RegressionInjector;

/** The injected regression once per auth lookup, in front of whichever variant the settings chose. */
record InjectedAuth(RegistryAuth auth, RegressionInjector injector) implements RegistryAuth {

    @Override
    public RegistryCredentials forRegistry(String registry) {
        injector.perOperation();
        return auth.forRegistry(registry);
    }

    @Override
    public String name() {
        return auth.name();
    }
}
