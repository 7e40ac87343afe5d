package dev.catapult.access;

import dev.catapult.platform.CatapultProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty database, creates the admin service account. Its token is
 * {@code CATAPULT_BOOTSTRAP_TOKEN} when set; otherwise a random one written to
 * {@code $CATAPULT_DATA_DIR/bootstrap-token} (mode 0600). The token itself is never logged.
 */
@Component
class Bootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    private final AccessControl access;
    private final CatapultProperties props;

    Bootstrap(AccessControl access, CatapultProperties props) {
        this.access = access;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String given = props.bootstrapToken();
        boolean generated = given == null || given.isBlank();
        String secret = generated || given == null ? TokenSecrets.generate() : given;
        if (!access.bootstrap(secret)) {
            return;
        }
        if (!generated) {
            log.info("Created the admin service account with the token from CATAPULT_BOOTSTRAP_TOKEN");
            return;
        }
        Path file = props.dataDir().toAbsolutePath().resolve("bootstrap-token");
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        log.info("Created the admin service account; its token is in {}", file);
    }
}
