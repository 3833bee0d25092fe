package se.insyn.recording.vault.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static se.insyn.recording.ContentFixtures.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Playback answers with a content type from an allow-list fixed at upload, never sniffed and never
 * inline (issue 20 item 8).
 */
@QuarkusTest
class ContentTypesTest {

  @Test
  void aTypeOffTheAllowListIsA415AtUpload() {
    Made made = started(channelWithPolicy("P90D"));
    stop(made.id());
    put(made.id(), "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))
        .statusCode(415)
        .contentType("application/problem+json")
        .body("status", equalTo(415));
    // Nothing was kept: the right type may follow.
    upload(made.id(), audio("after-415", 10));
  }

  @Test
  void playbackIsTheStoredTypeAsADownloadThatIsNeverSniffed() {
    Made made = started(channelWithPolicy("P90D"));
    stop(made.id());
    put(made.id(), "Audio/MPEG; charset=whatever", audio("typed", 10))
        .statusCode(201)
        .body("contentType", equalTo("audio/mpeg"));

    given()
        .auth()
        .oauth2(reviewerToken("reviewer-types"))
        .contentType(ContentType.JSON)
        .body(Map.of("reasonCode", "THREAT_INVESTIGATION", "caseRef", "AM 2026/92"))
        .post("/api/v1/recordings/" + made.id() + "/playback")
        .then()
        .statusCode(200)
        .contentType("audio/mpeg")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "attachment");
  }
}
