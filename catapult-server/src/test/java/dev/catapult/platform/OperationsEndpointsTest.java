package dev.catapult.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import org.junit.jupiter.api.Test;

class OperationsEndpointsTest extends ServerTest {

    @Test
    void healthReadinessMetricsAndDocsNeedNoToken() {
        Api anonymous = api.as(null);
        assertThat(anonymous.get("/healthz").status()).isEqualTo(200);
        assertThat(anonymous.get("/readyz").json().get("status").asString()).isEqualTo("ready");
        Api.Response metrics = anonymous.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("http_server_requests").doesNotContain(ADMIN_TOKEN);
        Api.Response openapi = anonymous.get("/openapi.json");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.raw()).contains("/api/v1/apps/{app}/releases").contains("/api/v1/deploys/{id}/approve");
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void everyResponseCarriesARequestId() {
        assertThat(api.get("/api/v1/apps").header("X-Request-Id")).isNotBlank();
    }
}
