package de.jena.stadtsuche.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.solr.core.CoreContainer;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Runs genuine Apache Solr from Maven Central artifacts, for machines without Docker.
 *
 * <p>Modes:
 *
 * <ul>
 *   <li>{@code standalone}: one Jetty with one core, data kept in the given Solr home.
 *   <li>{@code zk}: a standalone ZooKeeper server that holds the uploaded configsets.
 *   <li>{@code node}: one SolrCloud node (its own JVM, Solr home and port) joined to a ZooKeeper;
 *       a cluster is one {@code zk} process plus N {@code node} processes (see {@link
 *       CloudProcesses}).
 * </ul>
 *
 * <p>Readiness is announced on stdout with one line starting {@code SOLR READY}, failures with
 * {@code SOLR FAILED}. With {@code --control stdin} the launcher reads commands ({@code status},
 * {@code quit}) and ends cleanly when stdin closes.
 */
public final class SolrLauncher {

  /** Files that Solr rewrites at run time (ParamSets, managed resources); never overwritten. */
  private static final Set<String> RUNTIME_MANAGED =
      Set.of("params.json", "_rest_managed.json", "elevate.xml");

  private SolrLauncher() {}

  public static void main(String[] argv) throws Exception {
    Map<String, String> opts = parse(argv);
    String mode = opts.getOrDefault("mode", "standalone");
    System.setProperty("host", opts.getOrDefault("host", "127.0.0.1"));
    try {
      switch (mode) {
        case "standalone" -> runStandalone(opts);
        case "zk" -> CloudProcesses.runZk(opts);
        case "node" -> CloudProcesses.runNode(opts);
        default -> fail("unknown mode '" + mode + "' (standalone | zk | node)");
      }
    } catch (Exception e) {
      System.out.println("SOLR FAILED " + e);
      e.printStackTrace();
      System.out.flush();
      Runtime.getRuntime().halt(1);
    }
  }

  private static Map<String, String> parse(String[] argv) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (i == 0 && !a.startsWith("--")) {
        opts.put("mode", a);
      } else if (a.startsWith("--") && i + 1 < argv.length) {
        opts.put(a.substring(2), argv[++i]);
      } else {
        fail("cannot read argument '" + a + "'");
      }
    }
    return opts;
  }

  static String required(Map<String, String> opts, String key) {
    String v = opts.get(key);
    if (v == null) {
      fail("missing --" + key);
    }
    return v;
  }

  static void fail(String message) {
    System.out.println("SOLR FAILED " + message);
    System.out.flush();
    Runtime.getRuntime().halt(2);
  }

  // ---------------------------------------------------------------- standalone

  private static void runStandalone(Map<String, String> opts) throws Exception {
    Path home = Path.of(required(opts, "home")).toAbsolutePath();
    Path configset = Path.of(required(opts, "configset")).toAbsolutePath();
    String core = opts.getOrDefault("core", "stadtsuche");
    int port = Integer.parseInt(opts.getOrDefault("port", "8983"));
    prepareHome(home, configset, core);
    // Further cores (e.g. search statistics) as name=configset pairs, comma-separated.
    for (String extra : opts.getOrDefault("extra-cores", "").split(",")) {
      if (!extra.isBlank()) {
        String[] kv = extra.split("=", 2);
        if (kv.length != 2) {
          fail("--extra-cores expects name=configset, got '" + extra + "'");
        }
        prepareHome(home, Path.of(kv[1]).toAbsolutePath(), kv[0]);
      }
    }
    System.setProperty("solr.log.dir", home.resolve("logs").toString());

    JettyConfig config =
        JettyConfig.builder()
            .setContext("/solr")
            .setPort(port)
            .withPortRetryTime(0)
            .stopAtShutdown(true)
            .build();
    JettySolrRunner jetty = new JettySolrRunner(home.toString(), config);
    jetty.start();
    CoreContainer cores = jetty.getCoreContainer();
    if (cores == null || !cores.getCoreInitFailures().isEmpty()) {
      StringBuilder why = new StringBuilder();
      if (cores != null) {
        cores.getCoreInitFailures()
            .forEach((name, f) -> why.append(name).append(": ").append(rootCause(f.exception)));
      }
      jetty.stop();
      fail("core failed to load: " + why);
    }
    if (cores.getCore(core) == null) {
      jetty.stop();
      fail("core '" + core + "' is missing from " + home);
    }
    cores.getCore(core).close();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(jetty)));
    System.out.println(
        "SOLR READY mode=standalone url=" + jetty.getBaseUrl() + " core=" + core + " home=" + home);
    System.out.flush();
    waitForControl(opts, new JettyControl(jetty));
  }

  private static String rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.toString();
  }

  /** Writes solr.xml and the core; refreshes the configset but keeps runtime-managed files. */
  static void prepareHome(Path home, Path configset, String core) throws IOException {
    Path conf = configset.resolve("conf");
    if (!Files.isRegularFile(conf.resolve("solrconfig.xml"))) {
      fail("no conf/solrconfig.xml below configset " + configset);
    }
    Files.createDirectories(home);
    Path solrXml = home.resolve("solr.xml");
    if (!Files.exists(solrXml)) {
      Files.writeString(solrXml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<solr/>\n");
    }
    Path coreDir = home.resolve(core);
    Path coreConf = coreDir.resolve("conf");
    Files.createDirectories(coreConf);
    copyTree(conf, coreConf);
    Path props = coreDir.resolve("core.properties");
    if (!Files.exists(props)) {
      Files.writeString(props, "name=" + core + "\n", StandardCharsets.UTF_8);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path target = to.resolve(from.relativize(file).toString());
            String name = file.getFileName().toString();
            boolean managed = RUNTIME_MANAGED.contains(name) || name.startsWith("_schema_analysis_");
            if (!(managed && Files.exists(target))) {
              Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static void stopQuietly(JettySolrRunner jetty) {
    try {
      if (jetty.isRunning()) {
        jetty.stop();
      }
    } catch (Exception e) {
      System.err.println("error while stopping Solr: " + e);
    }
  }

  // ---------------------------------------------------------------- control

  /** Commands a test can send on stdin. */
  interface Control {
    String stop(int node) throws Exception;

    String start(int node) throws Exception;

    String status();

    void shutdown() throws Exception;
  }

  static final class JettyControl implements Control {
    private final JettySolrRunner jetty;

    JettyControl(JettySolrRunner jetty) {
      this.jetty = jetty;
    }

    @Override
    public String stop(int node) throws Exception {
      jetty.stop();
      return "stopped";
    }

    @Override
    public String start(int node) throws Exception {
      jetty.start(true);
      return "started url=" + jetty.getBaseUrl();
    }

    @Override
    public String status() {
      return "running=" + jetty.isRunning();
    }

    @Override
    public void shutdown() throws Exception {
      stopQuietly(jetty);
    }
  }

  static void waitForControl(Map<String, String> opts, Control control) throws Exception {
    if (!"stdin".equals(opts.get("control"))) {
      Thread.currentThread().join(); // until SIGTERM; the shutdown hook stops Solr
      return;
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] words = line.trim().split("\\s+");
      try {
        switch (words[0]) {
          case "stop" -> reply(control.stop(Integer.parseInt(words[1])));
          case "start" -> reply(control.start(Integer.parseInt(words[1])));
          case "status" -> reply(control.status());
          case "quit" -> {
            control.shutdown();
            reply("bye");
            System.exit(0);
          }
          case "" -> {}
          default -> reply("error unknown command '" + words[0] + "'");
        }
      } catch (Exception e) {
        reply("error " + e);
      }
    }
    control.shutdown();
    System.exit(0);
  }

  private static void reply(String text) {
    System.out.println("SOLR " + text);
    System.out.flush();
  }
}
