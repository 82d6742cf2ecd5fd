// ZooKeeper path rules (PathUtils.validatePath), explained in operator terms.
import { errors } from "../errors";

export const invalidPath = errors.invalidPath;

const MAX_PATH_LENGTH = 4096;

/** Returns the reason the path is invalid, or null when it is a valid absolute znode path. */
export function pathProblem(path: string): string | null {
  if (path.length === 0) return "the path is empty; znode paths start with /";
  if (path[0] !== "/") return "the path must start with /";
  if (path.length > MAX_PATH_LENGTH) return `the path is longer than ${MAX_PATH_LENGTH} characters`;
  if (path === "/") return null;
  if (path.endsWith("/")) return "the path must not end with /";
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 0) return `the path contains a NUL character at position ${i}`;
    if ((c > 0x00 && c < 0x20) || (c > 0x7e && c < 0xa0)) return `the path contains a control character at position ${i}`;
    if ((c >= 0xd800 && c <= 0xf8ff) || (c >= 0xfff0 && c <= 0xffff)) return `the path contains a character ZooKeeper forbids at position ${i}`;
  }
  for (const segment of path.slice(1).split("/")) {
    if (segment === "") return "the path contains an empty segment (//)";
    if (segment === "." || segment === "..") return `relative segments ("${segment}") are not allowed`;
  }
  return null;
}

export function validatePath(path: string): string {
  const problem = pathProblem(path);
  if (problem) throw invalidPath(path, problem);
  return path;
}

export function joinPath(parent: string, child: string): string {
  return parent === "/" ? `/${child}` : `${parent}/${child}`;
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

export function segmentsOf(path: string): string[] {
  return path === "/" ? [] : path.slice(1).split("/");
}

/** ZooKeeper's own tree (quotas, the dynamic config): no console operation writes there. */
export const isZookeeperTree = (path: string) => path === "/zookeeper" || path.startsWith("/zookeeper/");
