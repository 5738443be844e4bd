package io.streamvane.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aProblemCarriesStatusTitleDetailReasonAndTheTypeIngressDerivesFromTheReason() {
        ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Unreadable body", "not JSON");

        assertThat(p.getType()).isEqualTo(URI.create("https://streamvane.io/problems/malformed-json"));
        assertThat(p.getTitle()).isEqualTo("Unreadable body");
        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getDetail()).isEqualTo("not JSON");
        assertThat(p.getProperties()).containsEntry("reason", "malformed-json");
        assertThat(Problems.reason(p)).isEqualTo("malformed-json");
    }

    @Test
    void aReasonIsAKebabCaseCodeSoTheTypeIsAlwaysAValidUri() {
        assertThat(Problems.type("span-too-large")).hasToString(Problems.TYPE_BASE + "span-too-large");
        for (String bad : new String[] {null, "", "Span", "span too large", "span_too_large", "-span", "a/b"}) {
            assertThatThrownBy(() -> Problems.type(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void withReasonKeepsWhatSpringSetAndAddsReasonAndType() {
        ProblemDetail spring = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Required parameter 'from'");
        spring.setInstance(URI.create("/api/v1/x"));

        Problems.withReason(spring, "missing-parameter");

        assertThat(spring.getTitle()).isEqualTo("Bad Request");
        assertThat(spring.getDetail()).isEqualTo("Required parameter 'from'");
        assertThat(spring.getInstance()).isEqualTo(URI.create("/api/v1/x"));
        assertThat(spring.getType()).isEqualTo(URI.create("https://streamvane.io/problems/missing-parameter"));
        assertThat(Problems.reason(spring)).isEqualTo("missing-parameter");
    }

    @Test
    void theThrownFormCarriesTheSameProblem() {
        ErrorResponseException e = Problems.exception(HttpStatus.NOT_FOUND, "unknown-sink", "Unknown sink", "no sink");

        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(e.getBody().getType()).isEqualTo(URI.create("https://streamvane.io/problems/unknown-sink"));
        assertThat(e.getBody().getTitle()).isEqualTo("Unknown sink");
        assertThat(e.getBody().getDetail()).isEqualTo("no sink");
    }

    @Test
    void theServletWriterWritesEveryMemberEscapedWithTheRequestUriAsInstance() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/queues");
        MockHttpServletResponse response = new MockHttpServletResponse();

        ProblemJson.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "credentials-required",
                "Unauthorized", "say \"hello\"\n\\ then"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode body = JSON.readTree(response.getContentAsString());
        assertThat(body.propertyNames()).containsExactly("type", "title", "status", "detail", "instance", "reason");
        assertThat(body.get("type").asString()).isEqualTo("https://streamvane.io/problems/credentials-required");
        assertThat(body.get("title").asString()).isEqualTo("Unauthorized");
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("detail").asString()).isEqualTo("say \"hello\"\n\\ then");
        assertThat(body.get("instance").asString()).isEqualTo("/api/v1/queues");
        assertThat(body.get("reason").asString()).isEqualTo("credentials-required");
    }

    @Test
    void theServletWriterKeepsAnInstanceTheProblemSets() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ProblemDetail p = Problems.of(HttpStatus.FORBIDDEN, "insufficient-scope", "Forbidden", "no read scope");
        p.setInstance(URI.create("/wallboard/stream"));

        ProblemJson.write(new MockHttpServletRequest("GET", "/wallboard/stream;x=y"), response, p);

        assertThat(JSON.readTree(response.getContentAsString()).get("instance").asString())
                .isEqualTo("/wallboard/stream");
    }

    @RestController
    static class Endpoint {
        @GetMapping("/range")
        String range(@RequestParam Instant from) {
            throw Problems.exception(HttpStatus.BAD_REQUEST, "invalid-range", "Invalid range", "from " + from);
        }
    }

    @RestControllerAdvice(assignableTypes = Endpoint.class)
    static class Advice extends ProblemAdvice {
    }

    private static JsonNode problem(MockMvc mvc, String uri, int status) throws Exception {
        MvcResult r = mvc.perform(get(uri)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(status);
        assertThat(r.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    @Test
    void springsOwnErrorsAndThrownProblemsAnswerTheSameShapeThroughTheAdvice() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Endpoint()).setControllerAdvice(new Advice()).build();

        JsonNode missing = problem(mvc, "/range", 400);
        assertThat(missing.get("reason").asString()).isEqualTo("missing-parameter");
        assertThat(missing.get("type").asString()).isEqualTo("https://streamvane.io/problems/missing-parameter");
        assertThat(missing.get("title").asString()).isEqualTo("Bad Request");
        assertThat(missing.get("detail").asString()).contains("from");
        assertThat(missing.get("instance").asString()).isEqualTo("/range");

        assertThat(problem(mvc, "/range?from=yesterday", 400).get("reason").asString()).isEqualTo("invalid-parameter");

        JsonNode thrown = problem(mvc, "/range?from=2025-01-01T00:00:00Z", 400);
        assertThat(thrown.propertyNames()).contains("type", "title", "status", "detail", "instance", "reason");
        assertThat(thrown.get("reason").asString()).isEqualTo("invalid-range");
        assertThat(thrown.get("type").asString()).isEqualTo("https://streamvane.io/problems/invalid-range");
        assertThat(thrown.get("title").asString()).isEqualTo("Invalid range");
        assertThat(thrown.get("detail").asString()).isEqualTo("from 2025-01-01T00:00:00Z");
    }

    @Test
    void anyOtherSpringErrorIsNamedAfterItsStatus() {
        assertThat(ProblemAdvice.reasonOf(new RuntimeException(), HttpStatus.METHOD_NOT_ALLOWED))
                .isEqualTo("method-not-allowed");
        assertThat(ProblemAdvice.reasonOf(new RuntimeException(), HttpStatus.CONTENT_TOO_LARGE))
                .isEqualTo("content-too-large");
        assertThat(ProblemAdvice.reasonOf(new RuntimeException(), HttpStatusCode.valueOf(499)))
                .isEqualTo("http-499");
    }
}
