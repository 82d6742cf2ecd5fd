// A systemd unit that runs one ensemble member in the foreground (systemd supervises it).
export type SystemdOptions = { user: string; group: string; java: string; heap: string; classpath: string; configDir: string; logDir: string };

export const DEFAULT_SYSTEMD: SystemdOptions = {
  user: "zookeeper",
  group: "zookeeper",
  java: "/usr/bin/java",
  heap: "1g",
  // Debian/Ubuntu's zookeeper package; for a tarball install use /opt/zookeeper/conf:/opt/zookeeper/lib/*
  classpath: "/etc/zookeeper/conf:/usr/share/java/*",
  configDir: "/etc/zookeeper/conf",
  logDir: "/var/log/zookeeper",
};

export function systemdUnit(member: { id: number; host: string }, size: number, o: SystemdOptions = DEFAULT_SYSTEMD): string {
  return [
    "[Unit]",
    `Description=Apache ZooKeeper server ${member.id} of ${size} (${member.host})`,
    "Documentation=https://zookeeper.apache.org/doc/current/zookeeperAdmin.html",
    "After=network-online.target",
    "Wants=network-online.target",
    "",
    "[Service]",
    "Type=simple",
    `User=${o.user}`,
    `Group=${o.group}`,
    `Environment=ZOO_LOG_DIR=${o.logDir}`,
    // The JVM expands the classpath wildcard itself; systemd does not glob.
    `ExecStart=${o.java} -Xms${o.heap} -Xmx${o.heap} -Dzookeeper.log.dir=${o.logDir} -cp ${o.classpath} org.apache.zookeeper.server.quorum.QuorumPeerMain ${o.configDir}/zoo.cfg`,
    "Restart=on-failure",
    "RestartSec=5",
    // 143 = 128 + SIGTERM: the JVM's normal answer to `systemctl stop`.
    "SuccessExitStatus=143",
    "TimeoutStopSec=30",
    "LimitNOFILE=65536",
    "",
    "[Install]",
    "WantedBy=multi-user.target",
    "",
  ].join("\n");
}
