package dev.perfharness.cli;

import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.Endpoints;
import dev.perfharness.sut.Backends;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns an environment's endpoints into what the reference service connects to. */
final class ServiceBackends {
    private ServiceBackends() {
    }

    static Backends of(Endpoints endpoints) {
        Backends backends = Backends.redisOnly(endpoints.redis());
        if (endpoints.docker().available()) {
            backends = backends.withDocker(endpoints.docker().address().orElseThrow());
        }
        if (endpoints.registry().available()) {
            backends = backends.withRegistry(HostAndPort.parse(endpoints.registry().address().orElseThrow()));
        }
        // A Kubernetes API is usable when the environment hands over a kubeconfig file (external, k3s).
        Path kubeconfig = endpoints.kubernetes().address().map(Path::of).filter(Files::isRegularFile).orElse(null);
        if (kubeconfig != null) {
            try {
                backends = backends.withKubernetes(Config.fromKubeconfig(Files.readString(kubeconfig)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the kubeconfig " + kubeconfig, e);
            }
        }
        return backends;
    }
}
