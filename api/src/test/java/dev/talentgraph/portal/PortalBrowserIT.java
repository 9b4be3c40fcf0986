package dev.talentgraph.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.security.LocalUsers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal the way people use it: Debian's Chromium, headless, driven by its chromedriver
 * (nothing downloads a browser). One browser and one application serve every test. Each page is
 * photographed under {@code target/portal-screenshots/} and checked with axe-core: no serious or
 * critical violation. Skipped, saying what to install, where Chromium is missing.
 */
// "talent.portal-tests" only keys an application context of the portal's own (shared by its two
// suites), so the fixture's people never change the counts that other suites' graphs assert
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"talent.neo4j.embedded.bolt-port=0", "talent.portal-tests=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "portal-screenshots");

  @LocalServerPort int port;
  @Autowired Driver driver;
  @Autowired FieldCipher cipher;
  @Autowired LocalUsers users;

  WebDriver browser;
  WebDriverWait wait;
  String axe;

  @BeforeAll
  void startBrowser() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests skipped: install chromium and chromium-driver"
            + " (apt-get install -y chromium chromium-driver)");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory("portal-chromium"));
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile());
    browser = new ChromeDriver(service.build(), options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) browser.quit();
  }

  @BeforeEach
  void fixture() {
    PortalFixture.load(driver, cipher, users);
    browser.manage().deleteAllCookies();
  }

  @Test
  void aPortalUserSearchesOpensPeopleAndSkillsAndFollowsGraphLinks() {
    open("/login", "login");
    login("pt-portal");
    browser.findElement(By.id("q")).sendKeys("ML");
    browser.findElement(By.cssSelector("form[role=search] button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Machine Learning")));
    check("search");
    browser.findElement(By.linkText("Machine Learning")).click();
    wait.until(ExpectedConditions.titleContains("Machine Learning"));
    check("skill");
    browser.findElement(By.linkText("Neighbourhood graph")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg a.node")));
    check("skill-graph");
    // the hostile name is drawn as text and listed as text; its script never ran
    var svgText = browser.findElements(By.cssSelector("svg a.node text"));
    assertThat(svgText.stream().map(e -> e.getAttribute("textContent")))
        .contains(PortalFixture.HOSTILE);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined"))
        .isEqualTo(true);
    // click a node in the drawing: the narrower skill
    browser.findElements(By.cssSelector("svg a.node")).stream()
        .filter(a -> a.getAttribute("textContent").startsWith("Deep Learning"))
        .findFirst()
        .orElseThrow()
        .click();
    wait.until(ExpectedConditions.titleContains("Deep Learning"));
    // follow the text list of the person graph to a collaborator
    open("/people/pt-ada", "person-as-portal");
    assertThat(browser.getPageSource()).doesNotContain(PortalFixture.ADA_EMAIL);
    browser.findElement(By.linkText("Collaborator graph")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg a.node")));
    check("person-graph");
    browser.findElement(By.cssSelector(".graph-list a[href='/people/pt-bob']")).click();
    wait.until(ExpectedConditions.urlContains("/people/pt-bob"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(PortalFixture.HOSTILE);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined"))
        .isEqualTo(true);
    check("person-hostile");
    open("/teams", "teams-portal");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("for managers and HR");
    open("/communities", "communities");
    browser.findElement(By.cssSelector("main a[href='/communities/pt-pc2']")).click();
    wait.until(ExpectedConditions.urlContains("/communities/pt-pc2"));
    check("community");
    assertThat(browser.findElement(By.id("bridges-h")).isDisplayed()).isTrue();
    browser.findElement(By.cssSelector("main a[href='/communities/pt-pc1']")).click();
    wait.until(ExpectedConditions.urlContains("/communities/pt-pc1"));
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Ada Lovelace")
        .contains(PortalFixture.HOSTILE);

    // responsive: the person page at a phone's width
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    open("/people/pt-ada", "person-phone");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    browser.findElement(By.cssSelector("form.logout button")).click();
    wait.until(ExpectedConditions.urlContains("/login?logout"));
  }

  @Test
  void aPersonContestsASkillOnTheirOwnProfileAndSeesTheirLearningPath() {
    open("/login", "login");
    login("pt-ada");
    open("/people/pt-ada", "person-self");
    browser.findElement(By.id("reason-pt-py")).sendKeys("I only read about it");
    browser.findElement(By.id("reason-pt-py")).submit();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .isEqualTo("Your contest was recorded.");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("contested");
    check("person-contested");
    open("/ask", "ask");
    browser.findElement(By.id("title")).sendKeys("Tuning");
    browser.findElement(By.id("text")).sendKeys("How do I tune a Python model?");
    browser.findElement(By.id("tags")).sendKeys("python");
    browser.findElement(By.cssSelector("form.ask-form button[type=submit]")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//button[text()='Post the question']")));
    check("ask-route");
    browser.findElement(By.xpath("//button[text()='Post the question']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .isEqualTo("Your question \"Tuning\" was posted.");
    check("ask-posted");
    open("/learning?skill=pt-dl&level=3", "learning");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Skill gap")
        .contains("Deep Learning Basics");
  }

  @Test
  void anAdminBuildsATeamSeesWhoCoversWhatAndTheKeyPersonRiskThenRunsGraphiql() {
    open("/login", "login");
    login("pt-admin");
    open("/teams", "teams-empty");
    browser.findElement(By.id("skill0")).sendKeys("pt-ml");
    browser.findElement(By.id("critical0")).click();
    browser.findElement(By.id("skill1")).sendKeys("pt-py");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("level1")))
        .selectByValue("4");
    browser.findElement(By.id("skill2")).sendKeys("pt-dl");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("level2")))
        .selectByValue("5");
    browser.findElement(By.id("size")).clear();
    browser.findElement(By.id("size")).sendKeys("2");
    browser.findElement(By.cssSelector("form.team-form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.matrix")));
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('team-h').scrollIntoView()");
    check("teams-built");
    var matrix = browser.findElement(By.cssSelector("table.matrix")).getText();
    assertThat(matrix).contains("Ada Lovelace").contains("Python").contains("full · L4");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Uncovered skills")
        .contains("Deep Learning:");
    // a member's organisational team leads to its key-person risk
    browser.findElement(By.partialLinkText("key-person risk of Research")).click();
    wait.until(ExpectedConditions.urlContains("riskTeam=pt-team"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("1 (one person)");
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('risk-h').scrollIntoView()");
    check("teams-risk");
    graphiqlRunsAQuery();
  }

  void graphiqlRunsAQuery() {
    browser.get("http://localhost:" + port + "/graphiql");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-execute-button")));
    browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
    wait.until(
        d ->
            d.findElement(By.cssSelector(".result-window"))
                .getAttribute("textContent")
                .contains("\"experts\": 3"));
    screenshot("graphiql");
  }

  void login(String user) {
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(PortalFixture.PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout")));
  }

  void open(String path, String name) {
    browser.get("http://localhost:" + port + path);
    check(name);
  }

  /** A screenshot of the page, then axe-core: no serious or critical violation. */
  void check(String name) {
    screenshot(name);
    var js = (JavascriptExecutor) browser;
    js.executeScript(axe);
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('error: ' + e); });");
    List<String> serious = new ArrayList<>();
    try {
      for (JsonNode v : new ObjectMapper().readTree(String.valueOf(result))) {
        String impact = v.path("impact").asText();
        if (impact.equals("serious") || impact.equals("critical")) {
          serious.add(impact + " " + v.path("id").asText() + ": " + v.path("nodes").toString());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("axe-core answered " + result, e);
    }
    assertThat(serious).as("axe-core on %s (%s)", name, browser.getCurrentUrl()).isEmpty();
  }

  void screenshot(String name) {
    try {
      Files.write(
          SHOTS.resolve(name + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
