package dev.catapult.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine client over TLS with a client certificate (Docker's {@code --tlsverify}), against a stand-in engine on
 * 127.0.0.1 that answers {@code /_ping} and requires a client certificate signed by its CA, with certificates
 * made by {@code openssl} as Docker's TLS guide makes them (the client key in PKCS #1 form, as older
 * {@code openssl genrsa} writes it; the CA key in PKCS #8).
 */
class DockerEngineTlsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    private static HttpsServer engine;
    private static String host;
    private static final List<String> clients = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEngine() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/openssl")) || System.getenv("CI") != null,
                "openssl is needed to make the test certificates (apt-get install openssl)");
        ca("ca");
        ca("other-ca");
        signed("server", "ca", "subjectAltName=IP:127.0.0.1");
        signed("client", "ca", "extendedKeyUsage=clientAuth");
        signed("stranger", "other-ca", "extendedKeyUsage=clientAuth");
        openssl("rsa", "-in", "client-key.pem", "-traditional", "-out", "client-rsa-key.pem");
        Files.move(
                dir.resolve("client-rsa-key.pem"), dir.resolve("client-key.pem"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readString(dir.resolve("client-key.pem"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        openssl(
                "pkcs12",
                "-export",
                "-in",
                "server-cert.pem",
                "-inkey",
                "server-key.pem",
                "-passout",
                "pass:test",
                "-out",
                "server.p12");

        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            serverKeys.load(in, "test".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(serverKeys, "test".toCharArray());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("ca-cert.pem"))) {
            trusted.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);

        engine = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        engine.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        engine.createContext("/", exchange -> {
            X509Certificate client =
                    (X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
            clients.add(client.getSubjectX500Principal().getName());
            boolean ping = exchange.getRequestURI().getPath().equals("/_ping");
            byte[] body = (ping ? "OK" : "{\"message\":\"No such container: web\"}").getBytes();
            exchange.getResponseHeaders().add("Api-Version", "1.41");
            exchange.sendResponseHeaders(ping ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        engine.start();
        host = "tcp://127.0.0.1:" + engine.getAddress().getPort();
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.stop(0);
        }
    }

    @Test
    void aTlsEngineIsSpokenToWithTheClientsCertificate() throws Exception {
        DockerEngine client = DockerEngine.connect(host, tls("ca", "client"), JSON);

        assertThat(client.apiVersion()).isEqualTo("1.41");
        assertThat(client.inspect("web")).isEmpty();
        assertThat(clients).isNotEmpty().allSatisfy(c -> assertThat(c).isEqualTo("CN=client"));
    }

    @Test
    void anEngineWhoseCertificateTheCaDidNotSignIsRefused() {
        assertThatThrownBy(() -> DockerEngine.connect(host, tls("other-ca", "client"), JSON))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("cannot reach the Docker engine at " + host + ": ");
    }

    @Test
    void aClientCertificateTheEnginesCaDidNotSignIsRefused() {
        assertThatThrownBy(() -> DockerEngine.connect(host, tls("ca", "stranger"), JSON))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("cannot reach the Docker engine at " + host + ": ");
    }

    @Test
    void unreadableTlsFilesSaySo() {
        EngineTls missing =
                new EngineTls(dir.resolve("none.pem"), dir.resolve("client-cert.pem"), dir.resolve("client-key.pem"));

        assertThatThrownBy(() -> DockerEngine.connect(host, missing, JSON))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("cannot connect to the Docker engine at " + host + ": ")
                .hasMessageContaining("none.pem");
    }

    private static EngineTls tls(String ca, String client) {
        return new EngineTls(
                dir.resolve(ca + "-cert.pem"), dir.resolve(client + "-cert.pem"), dir.resolve(client + "-key.pem"));
    }

    private static void ca(String name) throws Exception {
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=" + name,
                "-keyout",
                name + "-key.pem",
                "-out",
                name + "-cert.pem");
    }

    private static void signed(String name, String ca, String extension) throws Exception {
        openssl(
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=" + name,
                "-keyout",
                name + "-key.pem",
                "-out",
                name + ".csr");
        Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
        openssl(
                "x509",
                "-req",
                "-in",
                name + ".csr",
                "-CA",
                ca + "-cert.pem",
                "-CAkey",
                ca + "-key.pem",
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                name + ".ext",
                "-out",
                name + "-cert.pem");
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed:\n" + output);
        }
    }
}
