import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { adminKeys } from "./keys";
import type { GroupList } from "./types";
import { adminUrls } from "./urls";

export function useGroups() {
  return useQuery({
    queryKey: adminKeys.groups(),
    queryFn: ({ signal }) => apiFetch<GroupList>(adminUrls.groups(), { signal }).then((r) => r.groups),
  });
}
