import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { refreshAfterWrite } from "./refresh";
import type { CreateZnodeInput, CreateZnodeResult } from "./types";
import { apiUrls } from "./urls";

export function useCreateZnode(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, input }: { path: string; input: CreateZnodeInput }) =>
      apiFetch<CreateZnodeResult>(apiUrls.znode(clusterId, path), { method: "POST", body: input }),
    onSuccess: (created) => refreshAfterWrite(queryClient, clusterId, { changed: [...created.parentsCreated, created.path] }),
  });
}
