import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { refreshAfterWrite } from "./refresh";
import type { SetDataInput, SetDataResult } from "./types";
import { znodeUrls } from "./urls";

/** Set a znode's data at the version the operator saw; a 409 BAD_VERSION carries the current value. */
export function useSetData(clusterId: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetDataInput) => apiFetch<SetDataResult>(znodeUrls.znode(clusterId, path), { method: "PUT", body: input }).then((r) => r.stat),
    onSuccess: () => refreshAfterWrite(queryClient, clusterId, { changed: [path] }),
  });
}
