package io.incidentledger.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docker/Dockerfile read as text and checked against what the build and the application really
 * do: the Java version, the jar the api module produces, the port and the health endpoint. No
 * Docker engine runs here, so the image itself is never built by the test suite.
 */
class DockerFilesTest {

    private final List<Instruction> dockerfile = instructions(ProjectFiles.read(ProjectFiles.ROOT.resolve("docker/Dockerfile")));
    private final ApplicationConfig config = ApplicationConfig.forProfiles(List.of());

    record Instruction(String keyword, String arguments) {
    }

    @Test
    void buildsWithTheWrapperOnTheProjectsJavaVersionAndRunsOnAJre() {
        var javaVersion = ProjectFiles.pomValue("pom.xml", "java.version");
        var stages = all("FROM");
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).startsWith("eclipse-temurin:" + javaVersion + "-jdk").endsWith(" AS build");
        assertThat(stages.get(1)).isEqualTo("eclipse-temurin:" + javaVersion + "-jre");
        assertThat(all("RUN")).anySatisfy(run -> assertThat(run).contains("./mvnw ").contains("-DskipTests").contains(" package"));
    }

    @Test
    void copiesAndRunsTheJarTheApiBuildProduces() {
        var jar = "api/target/" + ProjectFiles.pomValue("api/pom.xml", "finalName") + ".jar";
        var copy = finalStage().stream().filter(i -> i.keyword().equals("COPY") && i.arguments().startsWith("--from=build"))
                .map(Instruction::arguments).findFirst().orElseThrow();
        var parts = copy.split("\\s+");
        assertThat(parts[parts.length - 2]).isEqualTo("/src/" + jar);
        var copied = parts[parts.length - 1];
        // extracted, and the extracted jar is what runs, with the archive its training run made
        var extract = Pattern.compile("java -Djarmode=tools -jar " + Pattern.quote(copied) + " extract --destination (\\S+)");
        var prepare = finalStage().stream().filter(i -> i.keyword().equals("RUN") && extract.matcher(i.arguments()).find())
                .map(Instruction::arguments).findFirst().orElseThrow();
        var matcher = extract.matcher(prepare);
        assertThat(matcher.find()).isTrue();
        var extracted = matcher.group(1) + "/" + Path.of(copied).getFileName();
        var archive = Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+) -Dspring.context.exit=onRefresh\\s+-jar "
                + Pattern.quote(extracted) + " ").matcher(prepare);
        assertThat(archive.find()).as("a training run of the extracted jar: " + prepare).isTrue();
        assertThat(all("ENTRYPOINT").get(0)).isEqualTo("[\"java\", \"-XX:SharedArchiveFile=" + archive.group(1)
                + "\", \"-jar\", \"" + extracted + "\"]");
        assertThat(ProjectFiles.ROOT.resolve("api/pom.xml")).exists();
    }

    @Test
    void runsAsANonRootUserFromBeforeTheEntrypoint() {
        var stage = finalStage();
        var user = stage.stream().filter(i -> i.keyword().equals("USER")).map(Instruction::arguments).toList();
        assertThat(user).hasSize(1);
        assertThat(user.get(0).split(":")[0]).isNotIn("root", "0");
        assertThat(indexOf(stage, "USER")).isLessThan(indexOf(stage, "ENTRYPOINT"));
    }

    @Test
    void exposesTheApplicationsPortAndChecksItsExposedHealthEndpoint() {
        var port = config.get("server.port", "8080");
        assertThat(all("EXPOSE")).containsExactly(port);
        assertThat(all("HEALTHCHECK")).singleElement().asString()
                .contains("--start-period=")
                .contains("http://localhost:" + port + "/actuator/health");
        var exposed = config.properties().entrySet().stream()
                .filter(e -> e.getKey().startsWith("management.endpoints.web.exposure.include"))
                .flatMap(e -> List.of(e.getValue().split(",")).stream()).map(String::trim).toList();
        assertThat(exposed).contains("health");
    }

    @Test
    void limitsTheHeapToTheContainersMemory() {
        assertThat(all("ENV")).anySatisfy(env -> assertThat(env).contains("JAVA_TOOL_OPTIONS").contains("-XX:MaxRAMPercentage="));
    }

    @Test
    void sendsTheSourcesButNeitherBuildOutputNorLocalDataToTheBuild() {
        var ignored = ProjectFiles.read(ProjectFiles.ROOT.resolve(".dockerignore")).lines()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(ignored).contains("**/target/", "data/");
        assertThat(ignored).noneMatch(line -> line.contains("mvnw") || line.contains(".mvn") || line.contains("pom.xml")
                || line.contains("src") || line.equals("*") || line.equals("api/") || line.equals("core/"));
        assertThat(all("COPY").get(0)).isEqualTo(". .");
    }

    private List<String> all(String keyword) {
        return dockerfile.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    private List<Instruction> finalStage() {
        int lastFrom = 0;
        for (int i = 0; i < dockerfile.size(); i++) {
            if (dockerfile.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        return dockerfile.subList(lastFrom, dockerfile.size());
    }

    private static int indexOf(List<Instruction> stage, String keyword) {
        for (int i = 0; i < stage.size(); i++) {
            if (stage.get(i).keyword().equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** Joins continuation lines and drops comments, the way Docker reads the file. */
    static List<Instruction> instructions(String text) {
        var instructions = new ArrayList<Instruction>();
        var current = new StringBuilder();
        for (var line : text.lines().toList()) {
            if (line.trim().startsWith("#")) {
                continue;
            }
            var continued = line.endsWith("\\");
            current.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continued) {
                var instruction = current.toString().trim();
                current.setLength(0);
                if (!instruction.isEmpty()) {
                    var parts = instruction.split("\\s+", 2);
                    instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1
                            ? Pattern.compile("\\s+").matcher(parts[1]).replaceAll(" ") : ""));
                }
            }
        }
        return instructions;
    }
}
