package de.jena.stadtsuche.solr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.solr.cloud.ZkController;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.solr.common.cloud.ZkMaintenanceUtils;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;
import org.apache.zookeeper.server.ServerConfig;
import org.apache.zookeeper.server.ZooKeeperServerMain;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;

/**
 * SolrCloud as separate processes, the way production runs it: one ZooKeeper process ({@code zk}
 * mode) and one JVM per Solr node ({@code node} mode). A test can then kill a node with SIGKILL
 * or freeze it with SIGSTOP, and ZooKeeper notices only when the node's session expires.
 */
final class CloudProcesses {

  /** solr.xml of every node; timeouts are system properties so that production sets the same. */
  private static final String NODE_SOLR_XML = "/node-solr.xml";

  private CloudProcesses() {}

  // ---------------------------------------------------------------- zookeeper

  /**
   * A standalone ZooKeeper server; uploads the configsets given as {@code name=dir} pairs (each
   * dir holding {@code conf/}) once it accepts connections.
   */
  static void runZk(Map<String, String> opts) throws Exception {
    Path dir = Path.of(SolrLauncher.required(opts, "home")).toAbsolutePath();
    int port = Integer.parseInt(SolrLauncher.required(opts, "port"));
    Files.createDirectories(dir.resolve("data"));
    System.setProperty("solr.log.dir", dir.resolve("logs").toString());
    Properties p = new Properties();
    p.setProperty("dataDir", dir.resolve("data").toString());
    p.setProperty("clientPortAddress", System.getProperty("host"));
    p.setProperty("clientPort", String.valueOf(port));
    // Sessions may last 2..20 ticks: 4 s to 40 s, which covers the nodes' zkClientTimeout.
    p.setProperty("tickTime", "2000");
    p.setProperty("maxClientCnxns", "0");
    p.setProperty("admin.enableServer", "false");
    p.setProperty("4lw.commands.whitelist", "ruok,mntr");
    QuorumPeerConfig quorum = new QuorumPeerConfig();
    quorum.parseProperties(p);
    ServerConfig config = new ServerConfig();
    config.readFrom(quorum);
    ZooKeeperServerMain server = new ZooKeeperServerMain();
    Thread serving =
        new Thread(
            () -> {
              try {
                server.runFromConfig(config);
              } catch (Exception e) {
                System.out.println("SOLR FAILED zookeeper: " + e);
                System.out.flush();
                Runtime.getRuntime().halt(1);
              }
            },
            "zookeeper");
    serving.setDaemon(true);
    serving.start();
    String address = System.getProperty("host") + ":" + port;
    uploadConfigsets(address, opts.getOrDefault("configsets", ""));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.out.println("SOLR READY mode=zk zk=" + address);
    System.out.flush();
    SolrLauncher.waitForControl(opts, new ZkControl(server));
  }

  private static void uploadConfigsets(String zkAddress, String spec) throws Exception {
    if (spec.isBlank()) {
      return;
    }
    // The server thread may still be binding its port; the client retries until the timeout.
    try (SolrZkClient zk =
        new SolrZkClient.Builder()
            .withUrl(zkAddress)
            .withTimeout(30, TimeUnit.SECONDS)
            .withConnTimeOut(60, TimeUnit.SECONDS)
            .build()) {
      for (String pair : spec.split(",")) {
        String[] kv = pair.split("=", 2);
        if (kv.length != 2) {
          SolrLauncher.fail("--configsets expects name=dir, got '" + pair + "'");
        }
        Path conf = Path.of(kv[1]).toAbsolutePath().resolve("conf");
        if (!Files.isRegularFile(conf.resolve("solrconfig.xml"))) {
          SolrLauncher.fail("no conf/solrconfig.xml below " + kv[1]);
        }
        ZkMaintenanceUtils.uploadToZK(
            zk, conf, "/configs/" + kv[0], ZkMaintenanceUtils.UPLOAD_FILENAME_EXCLUDE_PATTERN);
      }
    }
  }

  private static final class ZkControl implements SolrLauncher.Control {
    private final ZooKeeperServerMain server;

    ZkControl(ZooKeeperServerMain server) {
      this.server = server;
    }

    @Override
    public String stop(int node) {
      throw new IllegalStateException("ZooKeeper has no nodes to stop");
    }

    @Override
    public String start(int node) {
      throw new IllegalStateException("ZooKeeper has no nodes to start");
    }

    @Override
    public String status() {
      return "running=true";
    }

    @Override
    public void shutdown() {
      server.close();
    }
  }

  // ---------------------------------------------------------------- one Solr node

  /** One Solr node in cloud mode with its own Solr home and port, joined to {@code --zk}. */
  static void runNode(Map<String, String> opts) throws Exception {
    Path home = Path.of(SolrLauncher.required(opts, "home")).toAbsolutePath();
    int port = Integer.parseInt(SolrLauncher.required(opts, "port"));
    String zkHost = SolrLauncher.required(opts, "zk");
    Files.createDirectories(home);
    try (InputStream xml = CloudProcesses.class.getResourceAsStream(NODE_SOLR_XML)) {
      if (xml == null) {
        SolrLauncher.fail("resource " + NODE_SOLR_XML + " is missing from the launcher");
      }
      Files.copy(xml, home.resolve("solr.xml"), StandardCopyOption.REPLACE_EXISTING);
    }
    System.setProperty("zkHost", zkHost);
    System.setProperty("solr.log.dir", home.resolve("logs").toString());
    // Shard requests go between our own loopback nodes only.
    System.setProperty("solr.security.allow.urls.enable", "false");
    Properties nodeProps = new Properties();
    nodeProps.setProperty("hostPort", String.valueOf(port));
    JettyConfig config =
        JettyConfig.builder()
            .setContext("/solr")
            .setPort(port)
            .withPortRetryTime(0)
            .stopAtShutdown(true)
            .build();
    JettySolrRunner jetty = new JettySolrRunner(home.toString(), nodeProps, config);
    jetty.start();
    String nodeName = awaitLiveNode(jetty, 120);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> SolrLauncher.stopQuietly(jetty)));
    System.out.println(
        "SOLR READY mode=node url=" + jetty.getBaseUrl() + " node=" + nodeName + " home=" + home);
    System.out.flush();
    SolrLauncher.waitForControl(opts, new SolrLauncher.JettyControl(jetty));
  }

  /** Waits until ZooKeeper lists this node as live (after a SIGKILL the old entry may linger). */
  private static String awaitLiveNode(JettySolrRunner jetty, int seconds) throws Exception {
    CoreContainer cores = jetty.getCoreContainer();
    if (cores == null || cores.getZkController() == null) {
      SolrLauncher.fail("Solr started without ZooKeeper (is zkHost set?)");
    }
    ZkController zk = cores.getZkController();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (zk.isConnected()
          && zk.getZkStateReader().getClusterState().liveNodesContain(zk.getNodeName())) {
        return zk.getNodeName();
      }
      Thread.sleep(100);
    }
    throw new IOException("node " + zk.getNodeName() + " did not become live in " + seconds + " s");
  }
}
