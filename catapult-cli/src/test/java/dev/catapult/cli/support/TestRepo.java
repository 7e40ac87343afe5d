package dev.catapult.cli.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository on disk, built commit by commit with JGit. */
public final class TestRepo implements AutoCloseable {

    private final Git git;
    private final Path directory;
    private int counter;

    private TestRepo(Git git, Path directory) {
        this.git = git;
        this.directory = directory;
    }

    public static TestRepo init(Path directory) {
        try {
            return new TestRepo(
                    Git.init()
                            .setDirectory(directory.toFile())
                            .setInitialBranch("main")
                            .call(),
                    directory);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Commits a change to {@code path} and returns the full sha. */
    public String commit(String path, String subject, String author) {
        try {
            Path file = directory.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, subject + " " + (++counter) + "\n", StandardCharsets.UTF_8);
            git.add().addFilepattern(path).call();
            PersonIdent ident = new PersonIdent(author, author.toLowerCase().replace(' ', '.') + "@example.com");
            RevCommit commit = git.commit()
                    .setMessage(subject + "\n\nbody")
                    .setAuthor(ident)
                    .setCommitter(ident)
                    .call();
            return commit.name();
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public String commit(String subject) {
        return commit("file.txt", subject, "Ada Lovelace");
    }

    public void checkoutNewBranch(String name, String startPoint) {
        try {
            git.checkout()
                    .setCreateBranch(true)
                    .setName(name)
                    .setStartPoint(startPoint)
                    .call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Repository repository() {
        return git.getRepository();
    }

    @Override
    public void close() {
        git.close();
    }
}
