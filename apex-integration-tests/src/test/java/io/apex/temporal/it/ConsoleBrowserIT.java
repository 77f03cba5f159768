package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.ChildWorker;
import io.apex.temporal.it.support.ConsoleBrowser;
import io.apex.temporal.it.support.ConsolePage;
import io.apex.temporal.it.support.ConsolePage.Result;
import io.apex.temporal.it.support.ConsolePage.UploadRow;
import io.apex.temporal.it.support.SharedPostgres;
import io.apex.temporal.it.support.WorkerJarCommand;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SampleDocuments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The web console as a person uses it, in Debian's headless Chromium, against the worker jar's API
 * (embedded Temporal server, an embedded PostgreSQL the test runs, the real parser and model):
 * files dropped in through the page's file input, followed to completed or failed, searched,
 * deleted; then, once an API key exists, the key asked for once. Screenshots of every view at 1280
 * and 375 px go to target/console-screenshots/.
 */
@DisplayName("web console in headless Chromium, worker jar with embedded Temporal, real PostgreSQL")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
  private static final Duration INGESTION = Duration.ofMinutes(3);
  private static final String TERM = "heliotrope";

  private SharedPostgres store;
  private Map<String, String> settings;
  private ChildWorker worker;
  private ConsoleBrowser browser;
  private ConsolePage page;
  private Path good;
  private Path neighbour;
  private Path corrupt;
  private String goodId;
  private String neighbourId;

  @BeforeAll
  void startWorkerAndBrowser() throws Exception {
    // First, so that a machine without Chromium fails (CI) or skips before a worker is started.
    browser = ConsoleBrowser.start(Path.of("target", "console-screenshots"));
    Path files = Files.createTempDirectory("apex-console-files");
    // The good document says the term often; its neighbour is about gardens too but never says it.
    good =
        SampleDocuments.write(
            files.resolve("heliotrope-report.txt"),
            SampleDocuments.text(
                "Heliotrope trials at the Northfield greenhouse. The heliotrope seedlings from"
                    + " Acme Corporation flowered on 2026-03-14; heliotrope scent was strongest at"
                    + " dusk. Ask Dr. Maria Keller (maria.keller@example.com) for the heliotrope"
                    + " cuttings."));
    neighbour =
        SampleDocuments.write(
            files.resolve("rose-notes.md"),
            SampleDocuments.markdown(
                "Rose notes",
                "Rose beds at the Northfield greenhouse were pruned in March; the climbing roses"
                    + " along the south wall need new wire supports."));
    // A PDF cut short: the parser cannot read it, so its ingestion fails with a reason.
    byte[] pdf = SampleDocuments.pdf(List.of("This PDF is cut short halfway through its body."));
    corrupt =
        SampleDocuments.write(
            files.resolve("truncated.pdf"), java.util.Arrays.copyOf(pdf, pdf.length / 3));

    Path work = Files.createTempDirectory("apex-console");
    // A PostgreSQL of the test's own, so that the jar's api-key command reaches the worker's store.
    store = SharedPostgres.start();
    settings =
        ChildWorker.withOwnApi(
            Map.of(
                "TEMPORAL_HOST", "127.0.0.1",
                "TEMPORAL_PORT", String.valueOf(FreePorts.next()),
                "TEMPORAL_EMBEDDED_SERVER", "always",
                "TEMPORAL_METRICS_PORT", String.valueOf(FreePorts.next()),
                "APEX_STORE_JDBC_URL", store.jdbcUrl(),
                "APEX_STORE_USER", store.user(),
                "APEX_DATA_DIR", work.resolve("data").toString()));
    worker = ChildWorker.jar(settings);
    String base = settings.get("APEX_API_URL");
    Deadline.require(
        Duration.ofMinutes(3),
        "the worker to be ready and its API to serve the console\n" + worker.output(),
        () -> !worker.alive() || (worker.output().contains("worker ready") && answers(base)));
    assertThat(worker.alive()).as(worker.output()).isTrue();

    page = new ConsolePage(browser.driver(), base);
    page.open();
  }

  private static boolean answers(String base) {
    try {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/console/"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @AfterEach
  void theBrowserConsoleHoldsNoError() {
    if (browser != null) {
      assertThat(browser.newConsoleErrors()).as("browser console errors").isEmpty();
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (worker != null) {
      worker.terminate();
      assertThat(worker.awaitExit(Duration.ofMinutes(1))).as(worker.output()).isZero();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  @Order(1)
  void termsOfTheQueryAreMarkedByStemAndTheTextIsKeptWhole() {
    // The page's own highlighting module, run in the browser that runs the page.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> segments =
        (List<Map<String, Object>>)
            page.asyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "import('./highlight.js').then(h => done(h.highlightSegments("
                    + "'Gardens: a <b>garden</b> and the gardening club.',"
                    + " h.queryTerms('the Gardens of'))));");

    assertThat(segments)
        .extracting(segment -> segment.get("text"))
        .containsExactly("Gardens", ": a <b>", "garden", "</b> and the ", "gardening", " club.");
    assertThat(segments)
        .extracting(segment -> segment.get("mark"))
        .containsExactly(true, false, true, false, true, false);
  }

  @Test
  @Order(2)
  void uploadedFilesFollowTheirStagesToCompletedOrFailedWithTheReason() throws Exception {
    page.upload(List.of(good, neighbour, corrupt));

    UploadRow completed = page.awaitStage(name(good), "completed", INGESTION);
    UploadRow other = page.awaitStage(name(neighbour), "completed", INGESTION);
    UploadRow failed = page.awaitStage(name(corrupt), "failed", INGESTION);

    assertThat(Integer.parseInt(completed.chunks())).isPositive();
    assertThat(Integer.parseInt(completed.entities())).isPositive();
    assertThat(completed.reason()).isEmpty();
    assertThat(failed.reason()).as("the failed row's reason").isNotBlank();
    assertThat(failed.chunks()).isIn("0", "–");
    goodId = completed.documentId();
    neighbourId = other.documentId();
    assertThat(goodId).isNotBlank().isNotEqualTo(neighbourId).isNotEqualTo(failed.documentId());
    browser.screenshot("ingest");
  }

  @Test
  @Order(3)
  void theDocumentsViewListsEachUploadAndFiltersByStage() throws Exception {
    assertThat(page.documents(null)).hasSize(3).contains(goodId, neighbourId);
    browser.screenshot("documents");
    assertThat(page.documents("failed")).hasSize(1).doesNotContain(goodId, neighbourId);
  }

  @Test
  @Order(4)
  void searchShowsTheDocumentThatSaysTheTermFirstWithTheTermMarked() throws Exception {
    List<Result> results = page.search(TERM + " cuttings", "hybrid");

    assertThat(page.error("search")).isEmpty();
    assertThat(results).isNotEmpty();
    assertThat(results.get(0).documentId()).isEqualTo(goodId);
    assertThat(results.get(0).title()).isEqualTo(name(good));
    assertThat(results.get(0).marked())
        .isNotEmpty()
        .allSatisfy(word -> assertThat(word.toLowerCase()).matches("(heliotrope|cutting).*"))
        .anySatisfy(word -> assertThat(word.toLowerCase()).isEqualTo(TERM));
    browser.screenshot("search");
  }

  @Test
  @Order(5)
  void theEntitiesViewShowsWhatTheDocumentsMention() throws Exception {
    page.goTo("Entities");
    Deadline.require(
        Duration.ofSeconds(10),
        "the entities list",
        () -> !page.entityNames().isEmpty() || !page.error("entities").isEmpty());
    assertThat(page.error("entities")).isEmpty();
    assertThat(page.entityNames()).contains("Acme Corporation", "maria.keller@example.com");
    browser.screenshot("entities");
    page.openEntity("Acme Corporation");
    assertThat(page.entityDocuments()).containsExactly(name(good));
    browser.screenshot("entity");
  }

  @Test
  @Order(6)
  void deletingAfterTheConfirmationTakesTheDocumentOutOfSearch() throws Exception {
    page.search(TERM, "hybrid");
    page.openDocumentFromSearch(goodId);
    assertThat(page.documentStage()).isEqualTo("completed");
    browser.screenshot("document");

    String notice = page.deleteConfirmed();

    assertThat(notice).startsWith("Deletion accepted");
    browser.screenshot("document-deleting");
    Deadline.require(
        Duration.ofMinutes(1),
        "search to stop returning the deleted document",
        () -> {
          List<Result> results = page.search(TERM, "hybrid");
          return page.error("search").isEmpty()
              && results.stream().noneMatch(result -> goodId.equals(result.documentId()));
        });
    // Search still works: the neighbour is found by its own words.
    assertThat(page.search("climbing roses", "hybrid"))
        .extracting(Result::documentId)
        .contains(neighbourId)
        .doesNotContain(goodId);
  }

  @Test
  @Order(7)
  void onceAKeyExistsThePageAsksForItOnceAndSendsItFromThenOn() throws Exception {
    WorkerJarCommand.Result created =
        WorkerJarCommand.run(
            settings,
            Duration.ofMinutes(2),
            "api-key",
            "create",
            "--scope",
            "write",
            "--name",
            "console");
    assertThat(created.exitCode()).as(created.out() + created.err()).isZero();
    String key = created.out().strip();

    page.goTo("Documents");
    assertThat(page.awaitKeyQuestion()).contains("API key");
    browser.screenshot("api-key");
    page.enterKey(key);

    assertThat(page.documents(null)).contains(neighbourId).doesNotContain(goodId);
    assertThat(page.error("documents")).isEmpty();
    assertThat(page.visible(By.id("key-dialog"))).as("asked a second time").isFalse();
    assertThat(page.script("return sessionStorage.getItem('apex.apiKey')")).isEqualTo(key);
    // The browser reports the API's 401 before the key as a failed load; nothing else may be there.
    assertThat(browser.newConsoleErrors())
        .isNotEmpty()
        .allSatisfy(error -> assertThat(error).contains("status of 401"));
  }

  @Test
  @Order(8)
  void theViewsAreReachedByKeyboardWithTheFocusVisible() {
    page.open();
    List<ConsolePage.Focus> stops = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      stops.add(page.press(Keys.TAB));
    }

    assertThat(stops)
        .extracting(ConsolePage.Focus::text)
        .containsExactly("Skip to content", "Ingest", "Documents", "Search", "Entities", "API key");
    assertThat(stops)
        .allSatisfy(stop -> assertThat(stop.outlineStyle()).as(stop.text()).isNotEqualTo("none"));

    page.open();
    for (int i = 0; i < 3; i++) {
      page.press(Keys.TAB);
    }
    assertThat(page.press(Keys.TAB).text()).isEqualTo("Search");
    page.press(Keys.ENTER);
    Deadline.require(
        Duration.ofSeconds(5),
        "the focus on the Search view's heading",
        () -> page.visible(By.id("view-search")) && page.focused().text().equals("Search"));
    assertThat(page.press(Keys.TAB).text())
        .as("the stop after the heading")
        .isEqualTo("search-query");
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}
