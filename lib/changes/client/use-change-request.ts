import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { changeKeys } from "./keys";
import type { ChangeRequestDetail } from "./types";
import { changeUrls } from "./urls";

export function useChangeRequest(id: number) {
  return useQuery({
    queryKey: changeKeys.one(id),
    queryFn: ({ signal }) => apiFetch<{ changeRequest: ChangeRequestDetail }>(changeUrls.one(id), { signal }).then((r) => r.changeRequest),
  });
}
