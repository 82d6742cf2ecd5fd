/** Paths the console never deletes, copies or moves as a whole (the server refuses them too). */
export const isProtectedPath = (path: string) => path === "/" || path === "/zookeeper" || path.startsWith("/zookeeper/");

export const isZookeeperTree = (path: string) => path === "/zookeeper" || path.startsWith("/zookeeper/");
