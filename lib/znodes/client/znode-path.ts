// Mapping between znode paths ("/app/config") and console URLs ("/clusters/X/znodes/app/config").

/** URL segments (as Next.js hands them, still percent-encoded) to a znode path. */
export function pathFromSegments(segments: string[] | undefined): string {
  if (!segments || segments.length === 0) return "/";
  return "/" + segments.map(safeDecode).join("/");
}

export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function znodeHref(clusterId: string, path: string): string {
  const base = `/clusters/${encodeURIComponent(clusterId)}/znodes`;
  const names = splitPath(path);
  return names.length === 0 ? base : `${base}/${names.map(encodeURIComponent).join("/")}`;
}

export function splitPath(path: string): string[] {
  return path.split("/").filter((name) => name.length > 0);
}

export function childPath(parent: string, name: string): string {
  return parent === "/" ? `/${name}` : `${parent}/${name}`;
}

/** "/a/b/c" → ["/", "/a", "/a/b", "/a/b/c"] */
export function ancestorPaths(path: string): string[] {
  const paths = ["/"];
  let current = "/";
  for (const name of splitPath(path)) {
    current = childPath(current, name);
    paths.push(current);
  }
  return paths;
}
