package dev.catapult;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Catapult server: HTTP API, background work and the database. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CatapultServer {
    public static void main(String[] args) {
        SpringApplication.run(CatapultServer.class, args);
    }
}
