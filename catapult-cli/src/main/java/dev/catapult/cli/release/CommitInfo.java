package dev.catapult.cli.release;

/** One commit as the changelog shows it. */
public record CommitInfo(String sha, String subject, String author) {

    public String shortSha() {
        return sha.substring(0, Math.min(7, sha.length()));
    }
}
