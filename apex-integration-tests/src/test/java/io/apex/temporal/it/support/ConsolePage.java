package io.apex.temporal.it.support;

import io.apex.temporal.testkit.Deadline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** The console as a person uses it: the file picker, the views' links, buttons and dialogs. */
public final class ConsolePage {
  private final ChromeDriver driver;
  private final String base;

  /** {@code base} is the API's address, e.g. {@code http://127.0.0.1:8080}. */
  public ConsolePage(ChromeDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** Opens the console by the server's root, which redirects to /console/. */
  public void open() {
    driver.get(base + "/");
    Deadline.require(
        Duration.ofSeconds(20),
        "the console's Ingest view at " + base,
        () -> visible(By.id("view-ingest")) && driver.getCurrentUrl().contains("/console/"));
  }

  /** Clicks a view's link in the navigation: Ingest, Documents, Search or Entities. */
  public void goTo(String view) {
    driver.findElement(By.linkText(view)).click();
    Deadline.require(
        Duration.ofSeconds(5),
        "the " + view + " view",
        () -> visible(By.id("view-" + view.toLowerCase())));
  }

  /** Picks files through the Ingest view's file input, as the file chooser would. */
  public void upload(List<Path> files) {
    goTo("Ingest");
    driver
        .findElement(By.id("file-input"))
        .sendKeys(files.stream().map(Path::toString).collect(Collectors.joining("\n")));
  }

  /** One upload's row: its stage, counts and reason as the page shows them. */
  public record UploadRow(
      String documentId, String stage, String chunks, String entities, String reason) {}

  public Optional<UploadRow> uploadRow(String fileName) {
    return retryingStale(
        () ->
            driver.findElements(By.cssSelector("#ingest-rows tr")).stream()
                .filter(row -> fileName.equals(row.getAttribute("data-file")))
                .findFirst()
                .map(
                    row ->
                        new UploadRow(
                            row.getAttribute("data-document-id"),
                            row.getAttribute("data-stage"),
                            row.findElement(By.cssSelector(".chunks")).getText(),
                            row.findElement(By.cssSelector(".entities")).getText(),
                            row.findElement(By.cssSelector(".reason")).getText())));
  }

  /** Waits for an upload's row to show the stage, and returns the row. */
  public UploadRow awaitStage(String fileName, String stage, Duration timeout) {
    Deadline.require(
        timeout,
        fileName + " to reach " + stage + " (row now: " + uploadRow(fileName) + ")",
        () -> uploadRow(fileName).map(row -> stage.equals(row.stage())).orElse(false));
    return uploadRow(fileName).orElseThrow();
  }

  /** One search result as shown: the document, its chunks' text and the words in mark. */
  public record Result(String documentId, String title, List<String> marked, String text) {}

  /** Searches from the Search view's form and waits for the answer. */
  public List<Result> search(String query, String mode) {
    goTo("Search");
    WebElement box = driver.findElement(By.id("search-query"));
    box.clear();
    box.sendKeys(query);
    new Select(driver.findElement(By.id("search-mode"))).selectByValue(mode);
    WebElement summary = driver.findElement(By.id("search-summary"));
    driver.executeScript("arguments[0].textContent = ''", summary);
    driver.findElement(By.cssSelector("#search-form button[type='submit']")).click();
    Deadline.require(
        Duration.ofSeconds(30),
        "search results for '" + query + "'",
        () -> {
          String text = summary.getText();
          return !text.isEmpty() && !text.startsWith("Searching") || visible(errorOf("search"));
        });
    return results();
  }

  public List<Result> results() {
    return retryingStale(
        () ->
            driver.findElements(By.cssSelector("#search-results > li.result")).stream()
                .map(
                    item ->
                        new Result(
                            item.getAttribute("data-document-id"),
                            item.findElement(By.cssSelector("h2")).getText(),
                            item.findElements(By.tagName("mark")).stream()
                                .map(WebElement::getText)
                                .toList(),
                            item.findElements(By.cssSelector(".chunk-text")).stream()
                                .map(WebElement::getText)
                                .collect(Collectors.joining("\n"))))
                .toList());
  }

  /** A view's error line, empty when it shows none. */
  public String error(String view) {
    List<WebElement> lines = driver.findElements(errorOf(view));
    return lines.isEmpty() || !lines.get(0).isDisplayed() ? "" : lines.get(0).getText();
  }

  private static By errorOf(String view) {
    return By.cssSelector("#view-" + view + " .error");
  }

  /** Opens a document's page from a link to it and waits for its status. */
  public void openDocumentFromSearch(String documentId) {
    driver
        .findElement(
            By.cssSelector("#search-results li[data-document-id='" + documentId + "'] h2 a"))
        .click();
    awaitDocumentPage();
  }

  public void awaitDocumentPage() {
    Deadline.require(
        Duration.ofSeconds(10),
        "the document's status",
        () ->
            visible(By.id("view-document"))
                && !driver.findElements(By.cssSelector("#document-status .stage")).isEmpty());
  }

  /** The document page's stage. */
  public String documentStage() {
    return driver.findElement(By.cssSelector("#document-status .stage")).getAttribute("data-stage");
  }

  /** Clicks Delete, then Delete again in the confirmation dialog; returns the page's notice. */
  public String deleteConfirmed() {
    driver.findElement(By.id("document-delete")).click();
    Deadline.require(
        Duration.ofSeconds(5), "the confirmation dialog", () -> visible(By.id("confirm-dialog")));
    driver.findElement(By.id("confirm-yes")).click();
    Deadline.require(
        Duration.ofSeconds(20),
        "the deletion's notice or error",
        () -> visible(By.id("document-notice")) || visible(errorOf("document")));
    return visible(By.id("document-notice"))
        ? driver.findElement(By.id("document-notice")).getText()
        : "error: " + error("document");
  }

  /** The rows of the Documents view, as document IDs, after filtering by a stage (or any). */
  public List<String> documents(String stage) {
    goTo("Documents");
    new Select(driver.findElement(By.id("filter-stage"))).selectByValue(stage == null ? "" : stage);
    // The click starts the load at once, which marks the table busy until the answer is shown.
    driver.findElement(By.cssSelector("#documents-filter button[type='submit']")).click();
    Deadline.require(
        Duration.ofSeconds(10),
        "the documents list",
        () -> driver.findElement(By.id("documents-table")).getAttribute("aria-busy") == null);
    return retryingStale(
        () ->
            driver.findElements(By.cssSelector("#documents-rows tr")).stream()
                .map(row -> row.getAttribute("data-document-id"))
                .toList());
  }

  /** Waits for the page to ask for the API key, and returns what the dialog says. */
  public String awaitKeyQuestion() {
    Deadline.require(
        Duration.ofSeconds(10), "the API key dialog", () -> visible(By.id("key-dialog")));
    return driver.findElement(By.id("key-dialog-reason")).getText();
  }

  /** Types the key into the dialog and saves it. */
  public void enterKey(String key) {
    driver.findElement(By.id("key-input")).sendKeys(key);
    driver.findElement(By.cssSelector("#key-dialog button[value='save']")).click();
    Deadline.require(
        Duration.ofSeconds(5), "the API key dialog to close", () -> !visible(By.id("key-dialog")));
  }

  /** What has the keyboard focus: its text (or id) and its outline style, as CSS computes them. */
  public record Focus(String text, String outlineStyle) {}

  /** Presses a key (Tab, Enter, a chord) and returns what has the focus then. */
  public Focus press(CharSequence key) {
    new Actions(driver).sendKeys(key).perform();
    return focused();
  }

  public Focus focused() {
    @SuppressWarnings("unchecked")
    Map<String, String> focus =
        (Map<String, String>)
            driver.executeScript(
                "const e = document.activeElement;"
                    + " return {text: (e.textContent || e.id || e.tagName).trim(),"
                    + " outline: getComputedStyle(e).outlineStyle};");
    return new Focus(focus.get("text"), focus.get("outline"));
  }

  /** The names in the Entities view's list. */
  public List<String> entityNames() {
    return retryingStale(
        () ->
            driver.findElements(By.cssSelector("#entities-rows tr td:first-child a")).stream()
                .map(WebElement::getText)
                .toList());
  }

  /** Opens an entity's page from the Entities list and waits for its documents. */
  public void openEntity(String name) {
    driver.findElement(By.cssSelector("#entities-rows")).findElement(By.linkText(name)).click();
    Deadline.require(
        Duration.ofSeconds(10),
        "the page of entity " + name,
        () ->
            visible(By.id("view-entity"))
                && (!driver.findElements(By.cssSelector("#entity-documents li")).isEmpty()
                    || visible(errorOf("entity"))));
  }

  /** The names of the documents listed on an entity's page. */
  public List<String> entityDocuments() {
    return retryingStale(
        () ->
            driver.findElements(By.cssSelector("#entity-documents li a")).stream()
                .map(WebElement::getText)
                .toList());
  }

  public boolean visible(By locator) {
    return retryingStale(
        () -> {
          List<WebElement> found = driver.findElements(locator);
          return !found.isEmpty() && found.get(0).isDisplayed();
        });
  }

  public Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  public Object asyncScript(String script, Object... args) {
    return driver.executeAsyncScript(script, args);
  }

  /** The page re-renders rows while a test reads them: read again when an element went stale. */
  private static <T> T retryingStale(java.util.function.Supplier<T> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.get();
      } catch (StaleElementReferenceException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }
}
