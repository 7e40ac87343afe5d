package dev.catapult.registry;

import dev.catapult.registry.oci.OciRegistryClients;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One client per registry for the life of this server, so the per-registry concurrency bound, back-off
 * and token cache are shared by everything that talks to it, and request counts accumulate since start
 * (exported as {@code catapult_registry_requests_total{registry, kind}}). A registry whose settings change
 * gets a fresh client; its counts carry on from the old one.
 */
@Component
public class RegistryClients {
    private final Environment environment;
    private final MeterRegistry meters;
    private final Map<String, Entry> clients = new ConcurrentHashMap<>();

    RegistryClients(Environment environment, MeterRegistry meters) {
        this.environment = environment;
        this.meters = meters;
    }

    private record Entry(RegistrySettings settings, RegistryClient client, RequestCounts carried) {}

    public RegistryClient forRegistry(RegistryRecord registry) {
        return clients.compute(registry.name(), (name, existing) -> {
                    if (existing != null && existing.settings().equals(registry.settings())) {
                        return existing;
                    }
                    RequestCounts carried = existing == null
                            ? RequestCounts.zero()
                            : sum(existing.carried(), existing.client().counts());
                    if (existing == null) {
                        registerMeters(name);
                    }
                    return new Entry(
                            registry.settings(),
                            OciRegistryClients.create(registry.settings(), environment::getProperty),
                            carried);
                })
                .client();
    }

    /** Requests sent to {@code name} since this server started. */
    public RequestCounts counts(String name) {
        Entry e = clients.get(name);
        return e == null ? RequestCounts.zero() : sum(e.carried(), e.client().counts());
    }

    private void registerMeters(String name) {
        counter(name, "head_manifest", c -> c.headManifest());
        counter(name, "get_manifest", c -> c.getManifest());
        counter(name, "tag_list", c -> c.tagList());
        counter(name, "catalog", c -> c.catalog());
        counter(name, "blob", c -> c.blob());
        counter(name, "token", c -> c.token());
    }

    private void counter(String name, String kind, ToDoubleFunction<RequestCounts> value) {
        FunctionCounter.builder("catapult.registry.requests", this, self -> value.applyAsDouble(self.counts(name)))
                .tag("registry", name)
                .tag("kind", kind)
                .description("Requests sent to a registry, by kind")
                .register(meters);
    }

    private static RequestCounts sum(RequestCounts a, RequestCounts b) {
        return new RequestCounts(
                a.headManifest() + b.headManifest(),
                a.getManifest() + b.getManifest(),
                a.tagList() + b.tagList(),
                a.catalog() + b.catalog(),
                a.blob() + b.blob(),
                a.token() + b.token());
    }
}
