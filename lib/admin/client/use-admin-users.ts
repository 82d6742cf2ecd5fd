import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { adminKeys } from "./keys";
import type { UserList } from "./types";
import { adminUrls } from "./urls";

export function useAdminUsers() {
  return useQuery({
    queryKey: adminKeys.users(),
    queryFn: ({ signal }) => apiFetch<UserList>(adminUrls.users(), { signal }).then((r) => r.users),
  });
}
