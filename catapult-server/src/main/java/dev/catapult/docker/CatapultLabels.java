package dev.catapult.docker;

/**
 * The labels the {@code docker} deployer puts on every container it creates, and by which the {@code docker}
 * runtime source recognises them: the contract between the two features, so it lives beside the engine both use.
 */
public final class CatapultLabels {
    public static final String APP = "dev.catapult.app";
    public static final String ENVIRONMENT = "dev.catapult.environment";
    public static final String RELEASE = "dev.catapult.release";
    public static final String DEPLOY = "dev.catapult.deploy";

    private CatapultLabels() {}
}
