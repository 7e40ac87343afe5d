package dev.catapult.runtime.sqs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An in-process SQS-compatible server (ElasticMQ) on a free loopback port, with a client to feed it. */
final class ElasticMq implements AutoCloseable {
    static final String REGION = "us-west-2";
    private final SQSRestServer server;
    private final String endpoint;
    private final SqsClient client;

    private ElasticMq(SQSRestServer server, String endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(REGION))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    static ElasticMq start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .withAWSRegion(REGION)
                .start();
        server.waitUntilStarted();
        return new ElasticMq(server, "http://127.0.0.1:" + port);
    }

    String endpoint() {
        return endpoint;
    }

    /** Creates a queue whose received messages stay hidden for {@code visibilitySeconds}; returns its URL. */
    String createQueue(String name, int visibilitySeconds) {
        return client.createQueue(q -> q.queueName(name)
                        .attributesWithStrings(
                                java.util.Map.of("VisibilityTimeout", Integer.toString(visibilitySeconds))))
                .queueUrl();
    }

    void send(String queueUrl, String body) {
        client.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body));
    }

    /** Messages in the queue, visible or in flight. */
    int remaining(String queueUrl) {
        var attrs = client.getQueueAttributes(a -> a.queueUrl(queueUrl)
                        .attributeNamesWithStrings(
                                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings();
        return Integer.parseInt(attrs.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attrs.get("ApproximateNumberOfMessagesNotVisible"));
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
