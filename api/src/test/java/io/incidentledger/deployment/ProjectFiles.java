package io.incidentledger.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

/** The checkout's files that the deployment files must agree with, read where the build keeps them. */
final class ProjectFiles {

    /** The top level: where mvnw is, whichever module directory the test runs in. */
    static final Path ROOT = root();
    static final Path RESOURCES = ROOT.resolve("api/src/main/resources");

    private ProjectFiles() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the first element of that name in a pom, e.g. finalName or java.version. */
    static String pomValue(String pom, String element) {
        try {
            var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve(pom).toFile());
            var nodes = document.getElementsByTagName(element);
            if (nodes.getLength() == 0) {
                throw new IllegalStateException(pom + " has no <" + element + ">");
            }
            return nodes.item(0).getTextContent().trim();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static Path root() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("api/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the Incident Ledger checkout: " + Path.of("").toAbsolutePath());
    }
}
