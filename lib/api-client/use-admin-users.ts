import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { adminKeys } from "./audit-keys";
import type { AdminUser } from "./audit-types";
import { adminUrls } from "./audit-urls";

export function useAdminUsers() {
  return useQuery({
    queryKey: adminKeys.users(),
    queryFn: ({ signal }) => apiFetch<{ users: AdminUser[] }>(adminUrls.users(), { signal }).then((r) => r.users),
  });
}
