import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { changeKeys } from "./keys";
import type { ChangeRequestList } from "./types";
import { changeUrls } from "./urls";

export function useChangeRequests(filters: Record<string, string>) {
  return useQuery({
    queryKey: changeKeys.list(filters),
    queryFn: ({ signal }) => apiFetch<ChangeRequestList>(changeUrls.list(filters), { signal }),
  });
}
