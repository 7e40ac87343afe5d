package dev.catapult.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one database: the external PostgreSQL named by {@code CATAPULT_DATABASE_URL}, or else an embedded
 * PostgreSQL whose data lives under {@code CATAPULT_DATA_DIR} and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(CatapultProperties props) {
        return props.database().external() ? EmbeddedDatabase.none() : EmbeddedDatabase.start(props.dataDir());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(CatapultProperties props, EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        CatapultProperties.Database db = props.database();
        if (db.external()) {
            config.setJdbcUrl(db.url());
            if (db.user() != null && !db.user().isBlank()) {
                config.setUsername(db.user());
            }
            if (db.password() != null && !db.password().isBlank()) {
                config.setPassword(db.password());
            }
        } else {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
        }
        config.setMaximumPoolSize(db.poolSize());
        config.setPoolName("catapult");
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
