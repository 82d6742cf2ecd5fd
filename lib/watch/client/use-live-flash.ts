import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { liveKeys } from "./keys";
import { FLASH_MS } from "./live-cache";

/** True for a moment after a live change to `path` arrived (for a highlight class). */
export function useLiveFlash(clusterId: string, path: string): boolean {
  const at = useQuery<Record<string, number>, Error, number>({
    queryKey: liveKeys.changes(clusterId),
    queryFn: () => ({}),
    enabled: false,
    staleTime: Infinity,
    select: (changes) => changes[path] ?? 0,
  }).data ?? 0;
  const [flashing, setFlashing] = useState(false);
  useEffect(() => {
    const left = at + FLASH_MS - Date.now();
    if (!at || left <= 0) return;
    setFlashing(true);
    const timer = setTimeout(() => setFlashing(false), left);
    return () => clearTimeout(timer);
  }, [at]);
  return flashing;
}
