package dev.catapult.runtime.sqs;

import dev.catapult.runtime.RuntimeSourceRecord;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * One {@link SqsClient} per runtime source, built on first use. Static credentials are read from the
 * variables the source names (through Spring's environment, so system properties work too); without
 * them the SDK's default chain applies (instance roles, web identity…).
 */
@Component
class SqsClients implements AutoCloseable {
    private final Environment environment;
    private final Map<Long, SqsClient> clients = new ConcurrentHashMap<>();

    SqsClients(Environment environment) {
        this.environment = environment;
    }

    SqsClient forSource(RuntimeSourceRecord source) {
        return clients.computeIfAbsent(source.id(), id -> build(source));
    }

    private SqsClient build(RuntimeSourceRecord source) {
        SqsClientBuilder b = SqsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(credentials(source));
        if (source.region() != null) {
            b.region(Region.of(source.region()));
        }
        if (source.endpoint() != null) {
            b.endpointOverride(URI.create(source.endpoint()));
        }
        return b.build();
    }

    private AwsCredentialsProvider credentials(RuntimeSourceRecord source) {
        if (source.accessKeyEnv() == null || source.secretKeyEnv() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        String key = environment.getProperty(source.accessKeyEnv());
        String secret = environment.getProperty(source.secretKeyEnv());
        if (key == null || secret == null) {
            throw new IllegalStateException("runtime source '" + source.name() + "': variables " + source.accessKeyEnv()
                    + " and " + source.secretKeyEnv() + " must both be set");
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret));
    }

    @Override
    public void close() {
        clients.values().forEach(SqsClient::close);
        clients.clear();
    }
}
