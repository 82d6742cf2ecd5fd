import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { refreshAfterWrite } from "./refresh";
import type { CreateZnodeInput, CreateZnodeResult } from "./types";
import { znodeUrls } from "./urls";

export function useCreateZnode(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, input }: { path: string; input: CreateZnodeInput }) =>
      apiFetch<CreateZnodeResult>(znodeUrls.znode(clusterId, path), { method: "POST", body: input }),
    onSuccess: (created) => refreshAfterWrite(queryClient, clusterId, { changed: [...created.parentsCreated, created.path] }),
  });
}
