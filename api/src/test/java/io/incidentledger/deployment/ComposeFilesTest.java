package io.incidentledger.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compose files checked against the application's own configuration: the profiles they
 * activate exist, every connection setting and secret those profiles read from the environment
 * is set, every variable set is read by something, and the services they point at are there,
 * healthy before the engines start, and keep their data in volumes. No Docker engine runs here.
 */
class ComposeFilesTest {

    enum SetUp {
        POSTGRES("compose.postgres.yml", List.of("postgres")),
        AXON_SERVER("compose.axonserver.yml", List.of("postgres", "axonserver"));

        final String file;
        final List<String> profiles;

        SetUp(String file, List<String> profiles) {
            this.file = file;
            this.profiles = profiles;
        }

        ComposeFile compose() {
            return ComposeFile.read(file);
        }
    }

    /** Where to connect and as whom: a container can never rely on the local defaults of these. */
    private static final Set<String> CONNECTION_PROPERTIES = Set.of(
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password", "axon.axonserver.servers");
    /** Read by Spring Boot and the JVM themselves, and by the security configuration (the API keys). */
    private static final Set<String> READ_WITHOUT_PLACEHOLDER = Set.of(
            "SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS", "INCIDENT_LEDGER_API_KEYS");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)");

    @ParameterizedTest
    @EnumSource(SetUp.class)
    void enginesAreBuiltFromTheDockerfileOfThisCheckout(SetUp setUp) {
        var compose = setUp.compose();
        assertThat(compose.engines()).isNotEmpty().allSatisfy(engine -> {
            var build = compose.build(engine);
            var context = compose.file().getParent().resolve(String.valueOf(build.get("context"))).normalize();
            assertThat(context).isEqualTo(ProjectFiles.ROOT);
            assertThat(context.resolve(String.valueOf(build.get("dockerfile")))).isEqualTo(ProjectFiles.ROOT.resolve("docker/Dockerfile"));
        });
        assertThat(compose.engines().stream().map(compose::image).distinct()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(SetUp.class)
    void enginesActivateTheProfilesOfTheirSetUp(SetUp setUp) {
        var compose = setUp.compose();
        assertThat(compose.engines()).allSatisfy(engine -> assertThat(
                List.of(compose.environment(engine).get("SPRING_PROFILES_ACTIVE").split(","))).isEqualTo(setUp.profiles));
        assertThat(setUp.profiles).allMatch(ApplicationConfig::hasProfile);
    }

    @ParameterizedTest
    @EnumSource(SetUp.class)
    void enginesAreGivenEveryConnectionSettingAndSecretTheirProfilesRead(SetUp setUp) {
        var compose = setUp.compose();
        var required = ApplicationConfig.forProfiles(setUp.profiles).placeholders().stream()
                .filter(p -> CONNECTION_PROPERTIES.contains(p.property()) || p.fallback() == null || p.fallback().isEmpty())
                .map(ApplicationConfig.Placeholder::variable).collect(Collectors.toSet());
        assertThat(required).contains("INCIDENT_LEDGER_DB_URL", "INCIDENT_LEDGER_DB_PASSWORD");
        for (var engine : compose.engines()) {
            var environment = compose.rawEnvironment(engine);
            assertThat(environment).as(engine).containsKeys(required.toArray(String[]::new));
        }
    }

    @ParameterizedTest
    @EnumSource(SetUp.class)
    void enginesSetNoVariableThatNothingReads(SetUp setUp) {
        var compose = setUp.compose();
        var read = new HashSet<>(READ_WITHOUT_PLACEHOLDER);
        ApplicationConfig.allPlaceholders().forEach(p -> read.add(p.variable()));
        assertThat(compose.engines()).allSatisfy(engine -> assertThat(read).containsAll(compose.rawEnvironment(engine).keySet()));
    }

    @ParameterizedTest
    @EnumSource(SetUp.class)
    void apiKeysComeFromTheHostAndTheSetUpRefusesToStartWithoutThem(SetUp setUp) {
        var compose = setUp.compose();
        assertThat(compose.engines()).allSatisfy(engine -> assertThat(compose.rawEnvironment(engine).get("INCIDENT_LEDGER_API_KEYS"))
                .matches("\\$\\{INCIDENT_LEDGER_API_KEYS:\\?.+}"));
    }

    @ParameterizedTest
    @EnumSource(SetUp.class)
    void enginesUseTheComposeDatabaseOnceItIsHealthy(SetUp setUp) {
        var compose = setUp.compose();
        for (var engine : compose.engines()) {
            var environment = compose.environment(engine);
            var url = JDBC_URL.matcher(environment.get("INCIDENT_LEDGER_DB_URL"));
            assertThat(url.matches()).as(environment.get("INCIDENT_LEDGER_DB_URL")).isTrue();
            var database = url.group(1);
            assertThat(compose.image(database)).startsWith("postgres:");
            assertThat(url.group(2)).isEqualTo("5432");
            var postgres = compose.environment(database);
            assertThat(url.group(3)).isEqualTo(postgres.get("POSTGRES_DB"));
            assertThat(environment.get("INCIDENT_LEDGER_DB_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(compose.rawEnvironment(engine).get("INCIDENT_LEDGER_DB_PASSWORD"))
                    .isEqualTo(compose.rawEnvironment(database).get("POSTGRES_PASSWORD"));
            assertThat(compose.dependsOn(engine)).containsEntry(database, Map.of("condition", "service_healthy"));
            assertThat(compose.ports(database)).as("the database is reachable by the engines only").isEmpty();
        }
    }

    @Test
    void axonServerSetUpConnectsTheEnginesToTheAxonServerServiceOnceItIsHealthy() {
        var compose = SetUp.AXON_SERVER.compose();
        for (var engine : compose.engines()) {
            var address = compose.environment(engine).get("AXON_SERVER_ADDRESS").split(":");
            var axonServer = address[0];
            assertThat(compose.image(axonServer)).startsWith("axoniq/axonserver:");
            assertThat(address[1]).isEqualTo("8124");
            assertThat(compose.ports(axonServer)).contains("8124:8124", "8024:8024");
            var environment = compose.environment(axonServer);
            assertThat(environment).containsEntry("AXONIQ_AXONSERVER_STANDALONE", "true")
                    .as("the address Axon Server hands to clients must resolve for them")
                    .containsEntry("AXONIQ_AXONSERVER_HOSTNAME", axonServer);
            assertThat(compose.dependsOn(engine)).containsEntry(axonServer, Map.of("condition", "service_healthy"));
        }
    }

    @Test
    void postgresSetUpRunsSeveralNodesOnOneDatabaseWithoutAxonServer() {
        var compose = SetUp.POSTGRES.compose();
        assertThat(compose.engines()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(compose.engines().stream().map(e -> compose.environment(e).get("INCIDENT_LEDGER_DB_URL")).distinct()).hasSize(1);
        assertThat(compose.engines().stream().filter(e -> compose.profilesOf(e).isEmpty())).as("started by default").hasSize(1);
        assertThat(compose.services()).noneMatch(s -> compose.image(s).startsWith("axoniq/"));
        assertThat(compose.engines()).allSatisfy(e -> assertThat(compose.environment(e)).doesNotContainKey("AXON_SERVER_ADDRESS"));
    }

    @ParameterizedTest
    @EnumSource(SetUp.class)
    void publishesEveryEngineOnItsOwnHostPort(SetUp setUp) {
        var compose = setUp.compose();
        var port = ApplicationConfig.forProfiles(setUp.profiles).get("server.port", "8080");
        var hostPorts = compose.engines().stream().flatMap(engine -> compose.ports(engine).stream()).map(mapping -> {
            var parts = mapping.split(":");
            assertThat(parts[parts.length - 1]).isEqualTo(port);
            return parts[parts.length - 2];
        }).toList();
        assertThat(hostPorts).hasSize(compose.engines().size()).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(SetUp.class)
    void everyServiceChecksItsHealth(SetUp setUp) {
        var compose = setUp.compose();
        var dockerfile = DockerFilesTest.instructions(ProjectFiles.read(ProjectFiles.ROOT.resolve("docker/Dockerfile")));
        for (var service : compose.services()) {
            if (compose.engines().contains(service)) {
                assertThat(dockerfile).anyMatch(i -> i.keyword().equals("HEALTHCHECK"));
                assertThat(compose.healthcheck(service)).as(service + " keeps the image's health check").isEmpty();
            } else {
                assertThat(compose.healthcheck(service)).as(service).containsKey("test").doesNotContainKey("disable");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SetUp.class)
    void keepsDatabaseAndAxonServerDataInNamedVolumes(SetUp setUp) {
        var compose = setUp.compose();
        for (var service : compose.services()) {
            var image = compose.image(service);
            var paths = image.startsWith("postgres:") ? List.of("/var/lib/postgresql/data")
                    : image.startsWith("axoniq/axonserver:") ? List.of("/axonserver/data", "/axonserver/events") : List.<String>of();
            for (var path : paths) {
                assertThat(compose.volumes(service)).as(service).anySatisfy(volume -> {
                    var parts = volume.split(":");
                    assertThat(parts[1]).isEqualTo(path);
                    assertThat(compose.declaredVolumes()).contains(parts[0]);
                });
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SetUp.class)
    void pinsTheImagesItDoesNotBuild(SetUp setUp) {
        var compose = setUp.compose();
        compose.services().stream().filter(s -> !compose.engines().contains(s)).map(compose::image).forEach(image ->
                assertThat(image).matches("[a-z0-9/._-]+:\\d[\\w.-]*"));
        // PostgreSQL 18 images keep their data under another path than the volumes above.
        compose.services().stream().map(compose::image).filter(i -> i.startsWith("postgres:"))
                .forEach(image -> assertThat(image).matches("postgres:1[5-7](\\.\\d+)*"));
    }
}
