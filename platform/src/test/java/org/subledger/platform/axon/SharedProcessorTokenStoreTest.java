package org.subledger.platform.axon;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On data its groups' own processors moved through, a shared processor starts at the lowest of their positions: no
 * group misses an event (those further on get some again, which the read models take without effect).
 */
class SharedProcessorTokenStoreTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcTemplate jdbc;
    private static final Serializer SERIALIZER = JacksonSerializer.defaultSerializer();

    private JdbcTokenStore tokens;

    @BeforeAll
    static void database() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of("target", "shared-tokens-pg", "data"))
                .setCleanDataDirectory(true).start();
        dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V1_001__axon.sql"),
                StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void store() {
        jdbc.execute("truncate token_entry");
        ConnectionProvider connections = dataSource::getConnection;
        var topology = new ProcessorTopology(Map.of("read-models", List.of("summary", "statement")));
        tokens = new SharedProcessorTokenStore(JdbcTokenStore.builder().connectionProvider(connections)
                .serializer(SERIALIZER).schema(LedgerSchemas.tokens()).contentType(byte[].class),
                topology, connections, SERIALIZER, LedgerSchemas.tokens());
    }

    @Test
    void startsAtTheLowestPositionOfItsGroupsOwnProcessors() {
        tokens.initializeTokenSegments("summary", 2, GapAwareTrackingToken.newInstance(120, List.of()));
        tokens.initializeTokenSegments("statement", 2, GapAwareTrackingToken.newInstance(97, List.of(95L)));
        tokens.storeToken(GapAwareTrackingToken.newInstance(99, List.of()), "statement", 1);

        tokens.initializeTokenSegments("read-models", 2, null);

        assertThat(position("read-models", 0)).isEqualTo(97);
        assertThat(position("read-models", 1)).isEqualTo(97);
        assertThat(position("summary", 0)).as("the groups' own rows stay").isEqualTo(120);
    }

    @Test
    void startsFromTheBeginningWhenOneOfItsGroupsNeverRan() {
        tokens.initializeTokenSegments("summary", 2, GapAwareTrackingToken.newInstance(120, List.of()));

        tokens.initializeTokenSegments("read-models", 2, GapAwareTrackingToken.newInstance(500, List.of()));

        assertThat(token("read-models", 0)).isNull();
    }

    @Test
    void startsWhereItIsToldOnAFreshStore() {
        tokens.initializeTokenSegments("read-models", 2, GapAwareTrackingToken.newInstance(500, List.of()));

        assertThat(position("read-models", 0)).isEqualTo(500);
    }

    @Test
    void aProcessorOfItsOwnStartsWhereItIsTold() {
        tokens.initializeTokenSegments("summary", 1, GapAwareTrackingToken.newInstance(120, List.of()));

        tokens.initializeTokenSegments("webhooks", 1, GapAwareTrackingToken.newInstance(3, List.of()));

        assertThat(position("webhooks", 0)).isEqualTo(3);
    }

    private long position(String processor, int segment) {
        return token(processor, segment).position().orElseThrow();
    }

    private TrackingToken token(String processor, int segment) {
        return tokens.fetchToken(processor, segment);
    }
}
