import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { changeKeys } from "./keys";
import type { ChangeInbox } from "./types";
import { changeUrls } from "./urls";

/** The header badge: polled, so a review that arrives shows without a reload. */
export function useChangeInbox(enabled: boolean) {
  return useQuery({
    queryKey: changeKeys.inbox(),
    enabled,
    refetchInterval: 30_000,
    queryFn: ({ signal }) => apiFetch<ChangeInbox>(changeUrls.inbox(), { signal }),
  });
}
