package dev.catapult.runtime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The readers of the built-in source types; the Docker source brings its own. */
@Configuration(proxyBeanMethods = false)
class RuntimeEventReaders {

    /** {@code ecs-sqs}: EventBridge ECS events. */
    @Bean
    RuntimeEventReader ecsSqsReader() {
        return reader("ecs-sqs", false);
    }

    /** {@code webhook}: EventBridge ECS events (e.g. through an API destination) or the generic format. */
    @Bean
    RuntimeEventReader webhookReader() {
        return reader("webhook", true);
    }

    private static RuntimeEventReader reader(String type, boolean generic) {
        return new RuntimeEventReader() {
            @Override
            public String sourceType() {
                return type;
            }

            @Override
            public RuntimeEvent read(tools.jackson.databind.JsonNode event) {
                return generic && !event.has("detail-type") ? GenericEvents.parse(event) : EcsEvents.parse(event);
            }
        };
    }
}
