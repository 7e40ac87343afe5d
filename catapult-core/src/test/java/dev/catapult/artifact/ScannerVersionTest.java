package dev.catapult.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScannerVersionTest {

    @Test
    void artifactsFromAnOlderScannerAreRescannedCurrentOnesAreNot() {
        assertThat(ScannerVersion.needsRescan(ScannerVersion.CURRENT - 1)).isTrue();
        assertThat(ScannerVersion.needsRescan(0)).isTrue();
        assertThat(ScannerVersion.needsRescan(ScannerVersion.CURRENT)).isFalse();
    }
}
