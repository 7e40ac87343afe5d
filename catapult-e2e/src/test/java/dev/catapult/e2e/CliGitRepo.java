package dev.catapult.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository on disk that a test writes commits into, for the CLI to read with {@code --repo}. */
final class CliGitRepo implements AutoCloseable {
    private final Path dir;
    private final Git git;
    private final AtomicInteger files = new AtomicInteger();
    private Instant clock = Instant.parse("2026-01-05T09:00:00Z");

    private CliGitRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    static CliGitRepo create() {
        try {
            Path dir = Files.createTempDirectory("catapult-e2e-repo");
            return new CliGitRepo(
                    dir,
                    Git.init()
                            .setDirectory(dir.toFile())
                            .setInitialBranch("main")
                            .call());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /**
     * Commits a new file with {@code message} (its first line is the subject) by {@code author}; returns the
     * full sha. Each commit is a minute after the previous one so the history has a stable order.
     */
    Commit commit(String message, String author) {
        try {
            Path file = dir.resolve("src/file-" + files.incrementAndGet() + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, message + "\n", StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            clock = clock.plusSeconds(60);
            PersonIdent ident =
                    new PersonIdent(author, email(author), Date.from(clock), TimeZone.getTimeZone(ZoneOffset.UTC));
            RevCommit commit = git.commit()
                    .setMessage(message)
                    .setAuthor(ident)
                    .setCommitter(ident)
                    .setSign(false)
                    .call();
            return new Commit(commit.name(), commit.getShortMessage(), author);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String email(String author) {
        return author.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + "@example.test";
    }

    @Override
    public void close() {
        git.close();
    }

    /** A commit as the changelog shows it. */
    record Commit(String sha, String subject, String author) {
        String shortSha() {
            return sha.substring(0, 7);
        }

        /** {@code <sha7> <subject> (<author>)}, SPEC §4's changelog line. */
        String changelogLine() {
            return shortSha() + " " + subject + " (" + author + ")";
        }
    }
}
