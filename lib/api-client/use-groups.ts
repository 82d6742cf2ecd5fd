import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { adminKeys } from "./audit-keys";
import type { GroupRow } from "./audit-types";
import { adminUrls } from "./audit-urls";

export function useGroups() {
  return useQuery({
    queryKey: adminKeys.groups(),
    queryFn: ({ signal }) => apiFetch<{ groups: GroupRow[] }>(adminUrls.groups(), { signal }).then((r) => r.groups),
  });
}
