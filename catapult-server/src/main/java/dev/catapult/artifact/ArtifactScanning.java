package dev.catapult.artifact;

import dev.catapult.artifact.scan.LayerScanner;
import dev.catapult.job.Job;
import dev.catapult.job.JobHandler;
import dev.catapult.job.JobKind;
import dev.catapult.job.JobProgress;
import dev.catapult.registry.FetchedManifest;
import dev.catapult.registry.Registries;
import dev.catapult.registry.RegistryClient;
import dev.catapult.registry.RegistryClients;
import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryRecord;
import dev.catapult.release.Digest;
import dev.catapult.watch.WatchEvaluations;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code scan-artifact} job: fetches a manifest (for an index, every platform manifest), its config
 * (labels, created, platform) and each layer it has not scanned yet — once per layer digest, ever, even
 * across replicas: a transaction-scoped advisory lock on the digest makes concurrent scans of a shared
 * base layer wait for the first and then find it done.
 */
@Component
class ArtifactScanning implements JobHandler<ScanArtifact> {
    private static final long MAX_CONFIG_BYTES = 4L * 1024 * 1024;

    private final Registries registries;
    private final RegistryClients clients;
    private final Catalogue catalogue;
    private final ManifestDocuments documents;
    private final ScanSettings settings;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final LayerScanner scanner = new LayerScanner();
    private final WatchEvaluations watches;

    ArtifactScanning(
            Registries registries,
            RegistryClients clients,
            Catalogue catalogue,
            ManifestDocuments documents,
            ScanSettings settings,
            TransactionTemplate tx,
            JdbcClient jdbc,
            WatchEvaluations watches) {
        this.watches = watches;
        this.registries = registries;
        this.clients = clients;
        this.catalogue = catalogue;
        this.documents = documents;
        this.settings = settings;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    @Override
    public JobKind<ScanArtifact> kind() {
        return ScanJobs.JOB;
    }

    @Override
    public void run(Job<ScanArtifact> job, JobProgress progress) throws IOException {
        RegistryRecord registry = registries.find(job.payload().registry());
        RegistryClient client = clients.forRegistry(registry);
        scan(registry, client, job.payload().repository(), job.payload().digest(), null, null);
        watches.requestForRepository(registry.settings().host(), job.payload().repository(), "scan");
    }

    private void scan(
            RegistryRecord registry,
            RegistryClient client,
            String repository,
            String digest,
            @Nullable String parent,
            @Nullable Map<String, Object> platform)
            throws IOException {
        FetchedManifest fetched = client.manifest(repository, digest);
        long id = catalogue.upsertArtifact(
                registry.id(),
                repository,
                digest,
                fetched.mediaType(),
                (long) fetched.bytes().length,
                parent,
                platform);
        try {
            switch (documents.parse(fetched.bytes(), fetched.mediaType())) {
                case ManifestDocuments.Index index -> {
                    List<Map<String, Object>> platforms = index.manifests().stream()
                            .map(m -> {
                                Map<String, Object> entry = new LinkedHashMap<>(m.platform());
                                entry.put("digest", m.digest());
                                return entry;
                            })
                            .toList();
                    catalogue.recordIndex(id, index.mediaType(), platforms, index.annotations());
                    for (ManifestDocuments.Platform m : index.manifests()) {
                        scan(registry, client, repository, m.digest(), digest, m.platform());
                    }
                }
                case ManifestDocuments.Image image -> scanImage(registry, client, repository, id, image);
            }
            catalogue.markScanned(id, ScannerVersion.CURRENT);
        } catch (RegistryException | IOException e) {
            if (e instanceof RegistryException re && re.retryable()) {
                throw re;
            }
            catalogue.markFailed(id, Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }

    private void scanImage(
            RegistryRecord registry, RegistryClient client, String repository, long id, ManifestDocuments.Image image)
            throws IOException {
        ManifestDocuments.Config config;
        try (InputStream in = client.blob(repository, new Digest(image.configDigest()))) {
            config = documents.config(in.readNBytes((int) MAX_CONFIG_BYTES));
        }
        Provenance provenance =
                Provenance.derive(config.labels(), image.annotations(), repository, settings.customKeys());
        catalogue.recordImage(
                id,
                image.mediaType(),
                new ImageDetails(
                        image.configDigest(),
                        config.labels(),
                        image.annotations(),
                        config.created(),
                        config.platform().isEmpty() ? null : config.platform(),
                        image.layers()),
                provenance);
        for (ImageDetails.Layer layer : image.layers()) {
            scanLayerOnce(client, repository, layer);
        }
    }

    private void scanLayerOnce(RegistryClient client, String repository, ImageDetails.Layer layer) {
        if (catalogue.isLayerScanned(layer.digest(), ScannerVersion.CURRENT)) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))")
                    .param(layer.digest())
                    .query()
                    .singleRow();
            if (catalogue.isLayerScanned(layer.digest(), ScannerVersion.CURRENT)) {
                return;
            }
            try (InputStream blob = client.blob(repository, new Digest(layer.digest()))) {
                LayerScan scan = scanner.scan(blob, layer.mediaType(), settings.rules());
                if (!scan.truncated()) {
                    // The scanner stops at the tar's end marker; reading the rest (padding, the gzip trailer) lets the
                    // client check the whole blob against its digest before anything is stored.
                    blob.transferTo(java.io.OutputStream.nullOutputStream());
                }
                catalogue.storeLayer(layer.digest(), layer.mediaType(), layer.size(), ScannerVersion.CURRENT, scan);
            } catch (IOException e) {
                throw new RegistryException(
                        RegistryException.Kind.INVALID,
                        "layer " + layer.digest() + " could not be read: " + e.getMessage(),
                        e);
            }
        });
    }
}
