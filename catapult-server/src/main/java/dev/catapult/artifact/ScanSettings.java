package dev.catapult.artifact;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Scanning rules from configuration ({@code catapult.scan.*}): which files to extract, which prefixes to
 * skip, the size caps, and the custom label keys that name an image's service, git URL and revision.
 */
@Component
class ScanSettings {
    private final FileRules rules;
    private final Provenance.CustomKeys customKeys;

    ScanSettings(
            @Value("${catapult.scan.include:}") List<String> include,
            @Value("${catapult.scan.skip-prefixes:usr/}") List<String> skipPrefixes,
            @Value("${catapult.scan.max-file-bytes:4194304}") long maxFileBytes,
            @Value("${catapult.scan.max-layer-bytes:4294967296}") long maxLayerBytes,
            @Value("${catapult.scan.max-extracted-bytes:33554432}") long maxExtractedBytes,
            @Value("${catapult.scan.labels.service-name:}") List<String> serviceNameKeys,
            @Value("${catapult.scan.labels.git-url:}") List<String> gitUrlKeys,
            @Value("${catapult.scan.labels.revision:}") List<String> revisionKeys) {
        FileRules defaults = FileRules.defaults();
        this.rules = new FileRules(
                include.isEmpty() ? defaults.include() : include,
                skipPrefixes,
                maxFileBytes,
                maxLayerBytes,
                maxExtractedBytes);
        this.customKeys = new Provenance.CustomKeys(serviceNameKeys, gitUrlKeys, revisionKeys);
    }

    FileRules rules() {
        return rules;
    }

    Provenance.CustomKeys customKeys() {
        return customKeys;
    }
}
